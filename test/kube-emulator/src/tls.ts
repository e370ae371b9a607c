import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface Pki {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

function newKey(): { pem: string; forgeKey: forge.pki.rsa.PrivateKey; forgePublic: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey);
  return { pem: privateKey, forgeKey, forgePublic: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

function certificate(subject: forge.pki.CertificateField[], publicKey: forge.pki.PublicKey, issuer: forge.pki.CertificateField[], signer: forge.pki.PrivateKey, extensions: object[]): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(signer as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

let cached: Pki | undefined;

/**
 * A throw-away PKI like a kubeadm cluster's: a CA, a serving certificate for 127.0.0.1/localhost and a client
 * certificate for `kube-emulator-admin` in `system:masters`. Keys are made by node:crypto; node-forge signs.
 */
export function generatePki(): Pki {
  // Key generation and signing cost most of a second; emulators started by one process share the PKI.
  cached ??= makePki();
  return cached;
}

function makePki(): Pki {
  const ca = newKey();
  const leaf = newKey();
  const caName = [{ name: 'commonName', value: 'kube-emulator-ca' }];
  const caCert = certificate(caName, ca.forgePublic, caName, ca.forgeKey, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
  ]);
  const serverCert = certificate([{ name: 'commonName', value: 'kube-apiserver' }], leaf.forgePublic, caName, ca.forgeKey, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 2, value: 'kubernetes' }, { type: 2, value: 'kubernetes.default' }, { type: 7, ip: '127.0.0.1' }] },
  ]);
  const clientCert = certificate([{ name: 'commonName', value: 'kube-emulator-admin' }, { name: 'organizationName', value: 'system:masters' }], leaf.forgePublic, caName, ca.forgeKey, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  return { caCert, serverCert, serverKey: leaf.pem, clientCert, clientKey: leaf.pem };
}
