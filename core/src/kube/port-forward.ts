import net from 'node:net';
import { PortForward, type KubeConfig } from './client-node.js';

export interface PortForwardHandle {
  localPort: number;
  close(): void;
}

/**
 * A local listener on 127.0.0.1 (a free port) whose every connection is tunnelled to `port` of the pod through
 * client-node's PortForward (the `/portforward` WebSocket with the channel.k8s.io framing).
 */
export async function openPortForward(config: KubeConfig, namespace: string, pod: string, port: number): Promise<PortForwardHandle> {
  const forward = new PortForward(config, true);
  const sockets = new Set<{ close(): void }>();
  const server = net.createServer((socket) => {
    socket.on('error', () => socket.destroy());
    forward.portForward(namespace, pod, [port], socket, null, socket).then((ws) => {
      const closable = ws as unknown as { close(): void; on?: (ev: string, fn: () => void) => void };
      sockets.add(closable);
      closable.on?.('close', () => { sockets.delete(closable); socket.destroy(); });
      socket.on('close', () => { sockets.delete(closable); closable.close(); });
    }, () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    localPort: address.port,
    close: () => {
      for (const s of sockets) s.close();
      server.close();
    },
  };
}
