/** Private keys as Sprig handles them: generation and Go's PEM forms (PKCS#1, SEC 1, DSAKeyFormat, PKCS#8), and parsing. */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as der from './der.js';

export const pem = (type: string, body: Buffer): string => {
  const b64 = body.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${type}-----\n${b64}\n-----END ${type}-----\n`;
};

/** A private key as Sprig holds it: a Node key, or DSA parameters (Go cannot sign certificates with DSA). */
export type PrivKey = { kind: 'node'; key: KeyObject } | { kind: 'dsa'; p: bigint; q: bigint; g: bigint; y: bigint; x: bigint };

export function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

export function generateDsa(): PrivKey {
  const { privateKey } = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 });
  // PKCS#8: SEQUENCE { version, SEQUENCE { oid, SEQUENCE { p, q, g } }, OCTET STRING { INTEGER x } }
  const top = der.children(der.read(privateKey.export({ type: 'pkcs8', format: 'der' })));
  const [p, q, g] = der.children(der.children(top[1])[1]).map(der.intValue);
  const x = der.intValue(der.read(top[2].body));
  return { kind: 'dsa', p, q, g, y: modPow(g, x, p), x };
}

/** pemBlockForKey: RSA → PKCS#1, ECDSA → SEC 1, DSA → Go's DSAKeyFormat, others PKCS#8. */
export function pemForKey(k: PrivKey): string {
  if (k.kind === 'dsa') return pem('DSA PRIVATE KEY', der.seq(der.int(0n), der.int(k.p), der.int(k.q), der.int(k.g), der.int(k.y), der.int(k.x)));
  const t = k.key.asymmetricKeyType;
  if (t === 'rsa') return k.key.export({ type: 'pkcs1', format: 'pem' }) as string;
  if (t === 'ec') return k.key.export({ type: 'sec1', format: 'pem' }) as string;
  return k.key.export({ type: 'pkcs8', format: 'pem' }) as string;
}

export function generatePrivateKey(typ: string): string {
  switch (typ) {
    case '': case 'rsa': return pemForKey({ kind: 'node', key: generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey });
    case 'dsa': return pemForKey(generateDsa());
    case 'ecdsa': return pemForKey({ kind: 'node', key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey });
    case 'ed25519': return pemForKey({ kind: 'node', key: generateKeyPairSync('ed25519').privateKey });
    default: return 'Unknown type ' + typ;
  }
}

/** encoding/pem.Decode: the first block (type and bytes), or undefined. */
export function pemDecode(s: string): { type: string; bytes: Buffer } | undefined {
  const m = /-----BEGIN ([^-\n]*)-----\r?\n([\s\S]*?)-----END \1-----/.exec(s);
  if (!m) return undefined;
  const body = m[2].split(/\r?\n/).filter((l) => !l.includes(':')).join('');
  return { type: m[1], bytes: Buffer.from(body, 'base64') };
}

export function parsePrivateKeyPEM(s: string): PrivKey {
  const block = pemDecode(s);
  if (!block) throw new Error('no PEM data in input');
  const tryNode = (format: 'pkcs8' | 'pkcs1' | 'sec1', what: string): PrivKey => {
    try {
      return { kind: 'node', key: createPrivateKey({ key: block.bytes, format: 'der', type: format }) };
    } catch (e) {
      throw new Error(`${what}: ${(e as Error).message}`);
    }
  };
  if (block.type === 'PRIVATE KEY') return tryNode('pkcs8', 'decoding PEM as PKCS#8');
  if (!block.type.endsWith(' PRIVATE KEY')) throw new Error(`no private key data in PEM block of type ${block.type}`);
  switch (block.type.slice(0, -12)) {
    case 'RSA': return tryNode('pkcs1', 'parsing RSA private key from PEM');
    case 'EC': return tryNode('sec1', 'parsing EC private key from PEM');
    case 'DSA': {
      try {
        const [, p, q, g, y, x] = der.children(der.read(block.bytes)).map(der.intValue);
        return { kind: 'dsa', p, q, g, y, x };
      } catch (e) {
        throw new Error(`parsing DSA private key from PEM: ${(e as Error).message}`);
      }
    }
    default: throw new Error(`invalid private key type ${block.type}`);
  }
}
