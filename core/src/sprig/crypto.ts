/**
 * Sprig's crypto functions: bcrypt/htpasswd, derivePassword (Master Password: scrypt + HMAC), private keys
 * in Go's PEM forms, X.509 certificates laid out as Go's x509.CreateCertificate writes them (extensions,
 * key ids, string types), AES-CBC in Sprig's format. Certificates are `sprig.certificate` structs with
 * Cert and Key fields holding PEM.
 */
import {
  X509Certificate, createCipheriv, createDecipheriv, createHash, createHmac, createPublicKey, generateKeyPairSync,
  randomBytes, scryptSync, sign, type KeyObject,
} from 'node:crypto';
import { isIP } from 'node:net';
import { createRequire } from 'node:module';
import { GoStruct, goFunc, type FuncMap, type GoValue } from '../template/value.js';
import * as der from './der.js';
import { generatePrivateKey, parsePrivateKeyPEM, pem, pemDecode, pemForKey, type PrivKey } from './keys.js';
import { base64Decode } from './encoding.js';
import { sprintf } from './go-fmt.js';

export class Certificate extends GoStruct {
  readonly goType = 'sprig.certificate';
  constructor(public Cert: string, public Key: string) {
    super();
    Object.defineProperty(this, 'goType', { enumerable: false });
  }
}

// ---- bcrypt, htpasswd, derivePassword ----

// Loaded on first use (its CommonJS build): few charts call bcrypt or htpasswd, every render would pay.
let bcryptModule: typeof import('bcryptjs') | undefined;
const bcryptjs = (): typeof import('bcryptjs') => (bcryptModule ??= createRequire(import.meta.url)('bcryptjs') as typeof import('bcryptjs'));

function bcrypt(input: string): string {
  // Go's x/crypto/bcrypt writes the $2a$ prefix at cost 10; the hash is the same algorithm as $2b$.
  const salt = bcryptjs().genSaltSync(10).replace(/^\$2b\$/, '$2a$');
  return bcryptjs().hashSync(input, salt);
}

function htpasswd(username: string, password: string): string {
  if (username.includes(':')) return `invalid username: ${username}`;
  return `${username}:${bcrypt(password)}`;
}

const passwordTypeTemplates: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: ['CvcvnoCvcvCvcv', 'CvcvCvcvnoCvcv', 'CvcvCvcvCvcvno', 'CvccnoCvcvCvcv', 'CvccCvcvnoCvcv', 'CvccCvcvCvcvno', 'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv', 'CvcvCvccCvcvno', 'CvcvnoCvcvCvcc', 'CvcvCvcvnoCvcc', 'CvcvCvcvCvccno', 'CvccnoCvccCvcv', 'CvccCvccnoCvcv',
    'CvccCvccCvcvno', 'CvcvnoCvccCvcc', 'CvcvCvccnoCvcc', 'CvcvCvccCvccno', 'CvccnoCvcvCvcc', 'CvccCvcvnoCvcc', 'CvccCvcvCvccno'],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const templateCharacters: Record<string, string> = {
  V: 'AEIOU', C: 'BCDFGHJKLMNPQRSTVWXYZ', v: 'aeiou', c: 'bcdfghjklmnpqrstvwxyz', A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz', n: '0123456789', o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

const u32 = (n: number): Buffer => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };

function derivePassword(counter: GoValue, passwordType: string, password: string, user: string, site: string): string {
  const templates = passwordTypeTemplates[passwordType];
  if (!templates) return `cannot find password template ${passwordType}`;
  const seedStr = Buffer.from('com.lyndir.masterpassword');
  const userB = Buffer.from(user, 'utf8');
  const salt = Buffer.concat([seedStr, u32(userB.length), userB]);
  const key = scryptSync(Buffer.from(password, 'utf8'), salt, 64, { N: 32768, r: 8, p: 2, maxmem: 256 * 1024 * 1024 });
  const siteB = Buffer.from(site, 'utf8');
  const c = typeof counter === 'bigint' ? Number(counter) : Number((counter as { value: bigint }).value);
  const seed = createHmac('sha256', key).update(Buffer.concat([seedStr, u32(siteB.length), siteB, u32(c)])).digest();
  const temp = templates[seed[0] % templates.length];
  let out = '';
  for (let i = 0; i < temp.length; i++) {
    const chars = templateCharacters[temp[i]];
    out += chars[seed[i + 1] % chars.length];
  }
  return out;
}

// ---- certificates ----

const OID = {
  cn: '2.5.4.3', keyUsage: '2.5.29.15', extKeyUsage: '2.5.29.37', basicConstraints: '2.5.29.19', ski: '2.5.29.14',
  aki: '2.5.29.35', san: '2.5.29.17', serverAuth: '1.3.6.1.5.5.7.3.1', clientAuth: '1.3.6.1.5.5.7.3.2',
  sha256WithRSA: '1.2.840.113549.1.1.11', ecdsaSha256: '1.2.840.10045.4.3.2', ecdsaSha384: '1.2.840.10045.4.3.3',
  ecdsaSha512: '1.2.840.10045.4.3.4', ed25519: '1.3.101.112',
};

interface Template { cn: string; ips: Buffer[]; dnsNames: string[]; notBefore: Date; notAfter: Date; serial: bigint; isCA: boolean }

function parseIP(s: string): Buffer | undefined {
  const v = isIP(s);
  if (v === 4) {
    if (s.split('.').some((p) => p.length > 1 && p[0] === '0')) return undefined;
    return Buffer.from(s.split('.').map(Number));
  }
  if (v === 6) {
    const m = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
    let head = s;
    let tail: number[] = [];
    if (m) { head = m[1] + '0:0'; tail = m[2].split('.').map(Number); }
    const [l, r] = head.split('::');
    const lp = l ? l.split(':') : [];
    const rp = r !== undefined && r !== '' ? r.split(':') : [];
    const groups = [...lp, ...Array(8 - lp.length - rp.length).fill('0'), ...rp].map((g) => parseInt(g, 16));
    const b = Buffer.alloc(16);
    groups.forEach((g, i) => b.writeUInt16BE(g, i * 2));
    if (m) b.set(tail, 12);
    // net.IP.To4: an IPv4-mapped address is written as 4 bytes.
    if (b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) return b.subarray(12);
    return b;
  }
  return undefined;
}

function listArg(v: GoValue, what: 'ip' | 'dns'): GoValue[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`wrong type for value; expected []interface {}; got ${typeof v}`);
  for (const x of v) {
    if (typeof x !== 'string') {
      throw new Error(what === 'ip' ? `error parsing ip: ${sprintf('%v', x)} is not a string` : `error processing alternate dns name: ${sprintf('%v', x)} is not a string`);
    }
  }
  return v;
}

function baseTemplate(cn: string, ips: GoValue, dns: GoValue, daysValid: bigint): Template {
  const ipList = listArg(ips, 'ip').map((s) => {
    const b = parseIP(s as string);
    if (!b) throw new Error(`error parsing ip: ${s as string}`);
    return b;
  });
  const dnsNames = listArg(dns, 'dns') as string[];
  const now = new Date();
  return {
    cn, ips: ipList, dnsNames, notBefore: now, notAfter: new Date(now.getTime() + Number(daysValid) * 86400000),
    serial: BigInt('0x' + randomBytes(16).toString('hex')), isCA: false,
  };
}

function nameDer(cn: string): Buffer {
  if (cn === '') return der.seq();
  return der.seq(der.set(der.seq(der.oid(OID.cn), der.goString(cn))));
}

function keyUsage(bits: number): Buffer {
  // Go reverses the bit order into a BIT STRING trimmed after the last set bit.
  let b = 0;
  for (let i = 0; i < 8; i++) if (bits & (1 << i)) b |= 0x80 >> i;
  let bitLen = 0;
  for (let i = 0; i < 8; i++) if (b & (0x80 >> i)) bitLen = i + 1;
  return der.bitString(Buffer.from([b]), 8 - bitLen);
}

function ext(id: string, critical: boolean, value: Buffer): Buffer {
  return critical ? der.seq(der.oid(id), der.bool(true), der.octets(value)) : der.seq(der.oid(id), der.octets(value));
}

function publicKeyOf(k: PrivKey): KeyObject {
  if (k.kind === 'dsa') throw new Error('x509: certificate private key does not implement crypto.Signer');
  return createPublicKey(k.key);
}

function signatureAlgorithm(k: KeyObject): { alg: Buffer; hash: string | null } {
  const t = k.asymmetricKeyType;
  if (t === 'rsa') return { alg: der.seq(der.oid(OID.sha256WithRSA), der.nul()), hash: 'sha256' };
  if (t === 'ed25519') return { alg: der.seq(der.oid(OID.ed25519)), hash: null };
  if (t === 'ec') {
    const curve = k.asymmetricKeyDetails?.namedCurve;
    if (curve === 'secp384r1') return { alg: der.seq(der.oid(OID.ecdsaSha384)), hash: 'sha384' };
    if (curve === 'secp521r1') return { alg: der.seq(der.oid(OID.ecdsaSha512)), hash: 'sha512' };
    return { alg: der.seq(der.oid(OID.ecdsaSha256)), hash: 'sha256' };
  }
  throw new Error('x509: only RSA, ECDSA and Ed25519 keys supported');
}

interface Parent { subject: Buffer; ski?: Buffer }

/** x509.CreateCertificate (Go 1.18 layout) signed by `signer`. */
function createCertificate(t: Template, pub: KeyObject, parent: Parent | 'self', signer: PrivKey): Buffer {
  if (signer.kind === 'dsa') throw new Error('x509: certificate private key does not implement crypto.Signer');
  const spki = pub.export({ type: 'spki', format: 'der' });
  const subject = nameDer(t.cn);
  const issuer = parent === 'self' ? subject : parent.subject;
  const { alg, hash } = signatureAlgorithm(signer.key);
  const exts: Buffer[] = [];
  exts.push(ext(OID.keyUsage, true, keyUsage(t.isCA ? 0b100101 : 0b101)));
  exts.push(ext(OID.extKeyUsage, false, der.seq(der.oid(OID.serverAuth), der.oid(OID.clientAuth))));
  exts.push(ext(OID.basicConstraints, true, t.isCA ? der.seq(der.bool(true)) : der.seq()));
  let ski: Buffer | undefined;
  if (t.isCA) {
    const bits = der.children(der.read(spki))[1].body.subarray(1);
    ski = createHash('sha1').update(bits).digest();
    exts.push(ext(OID.ski, false, der.octets(ski)));
  }
  const parentSki = parent === 'self' ? ski : parent.ski;
  if (!issuer.equals(subject) && parentSki && parentSki.length > 0) {
    exts.push(ext(OID.aki, false, der.seq(der.tlv(0x80, parentSki))));
  }
  if (t.dnsNames.length > 0 || t.ips.length > 0) {
    const names = [...t.dnsNames.map((d) => der.tlv(0x82, Buffer.from(d, 'utf8'))), ...t.ips.map((ip) => der.tlv(0x87, ip))];
    exts.push(ext(OID.san, t.cn === '', der.seq(...names)));
  }
  const tbs = der.seq(
    der.explicit(0, der.int(2n)), der.int(t.serial), alg, issuer,
    der.seq(der.time(t.notBefore), der.time(t.notAfter)), subject, spki, der.explicit(3, der.seq(...exts)),
  );
  const sig = sign(hash, tbs, signer.key);
  return der.seq(tbs, alg, der.bitString(sig));
}

function certAndKey(t: Template, signee: PrivKey, parent: Parent | 'self', signer: PrivKey): Certificate {
  let pub: KeyObject;
  try {
    pub = publicKeyOf(signee);
  } catch (e) {
    throw new Error(`error creating certificate: ${(e as Error).message}`);
  }
  let certDer: Buffer;
  try {
    certDer = createCertificate(t, pub, parent, signer);
  } catch (e) {
    throw new Error(`error creating certificate: ${(e as Error).message}`);
  }
  return new Certificate(pem('CERTIFICATE', certDer), pemForKey(signee));
}

const rsa2048 = (): PrivKey => ({ kind: 'node', key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey });

function withPEMKey(privPEM: string): PrivKey {
  try {
    return parsePrivateKeyPEM(privPEM);
  } catch (e) {
    throw new Error(`parsing private key: ${(e as Error).message}`);
  }
}

function genCA(cn: string, days: bigint, priv: PrivKey): Certificate {
  const t = baseTemplate(cn, null, null, days);
  t.isCA = true;
  return certAndKey(t, priv, 'self', priv);
}

function genSelfSigned(cn: string, ips: GoValue, dns: GoValue, days: bigint, priv: PrivKey): Certificate {
  return certAndKey(baseTemplate(cn, ips, dns, days), priv, 'self', priv);
}

/** The parent's raw subject and subject key id, from its PEM certificate. */
function parseParent(certPem: string): Parent {
  const block = pemDecode(certPem);
  if (!block) throw new Error('unable to decode certificate');
  try {
    new X509Certificate(block.bytes);
    const tbs = der.children(der.children(der.read(block.bytes))[0]);
    const hasVersion = tbs[0].tag === 0xa0;
    const subject = tbs[hasVersion ? 5 : 4].raw;
    let ski: Buffer | undefined;
    const extsNode = tbs.find((n) => n.tag === 0xa3);
    if (extsNode) {
      for (const e of der.children(der.children(extsNode)[0])) {
        const parts = der.children(e);
        if (parts[0].body.equals(der.oid(OID.ski).subarray(2))) ski = der.read(parts[parts.length - 1].body).body;
      }
    }
    return { subject: Buffer.from(subject), ski };
  } catch (e) {
    throw new Error(`error parsing certificate: decodedSignerCert.Bytes: ${(e as Error).message}`);
  }
}

function asCertificate(v: GoValue): Certificate {
  if (v instanceof Certificate) return v;
  throw new Error(`wrong type for value; expected sprig.certificate; got ${v === null || v === undefined ? '<nil>' : typeof v}`);
}

function genSigned(cn: string, ips: GoValue, dns: GoValue, days: bigint, caV: GoValue, priv: () => PrivKey): Certificate {
  const ca = asCertificate(caV);
  const parent = parseParent(ca.Cert);
  let signerKey: PrivKey;
  try {
    signerKey = parsePrivateKeyPEM(ca.Key);
  } catch (e) {
    throw new Error(`error parsing private key: ${(e as Error).message}`);
  }
  const t = baseTemplate(cn, ips, dns, days);
  return certAndKey(t, priv(), parent, signerKey);
}

function buildCustomCert(b64cert: string, b64key: string): Certificate {
  let cert: Buffer;
  let key: Buffer;
  try { cert = base64Decode(b64cert); } catch { throw new Error('unable to decode base64 certificate'); }
  try { key = base64Decode(b64key); } catch { throw new Error('unable to decode base64 private key'); }
  const block = pemDecode(cert.toString('utf8'));
  if (!block) throw new Error('unable to decode certificate');
  try {
    new X509Certificate(block.bytes);
  } catch (e) {
    throw new Error(`error parsing certificate: decodedCert.Bytes: ${(e as Error).message}`);
  }
  try {
    parsePrivateKeyPEM(key.toString('utf8'));
  } catch (e) {
    throw new Error(`error parsing private key: ${(e as Error).message}`);
  }
  return new Certificate(cert.toString('utf8'), key.toString('utf8'));
}

// ---- AES ----

function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

function encryptAES(password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const content = Buffer.from(plaintext, 'utf8');
  const padding = 16 - (content.length % 16);
  const padded = Buffer.concat([content, Buffer.alloc(padding, padding)]);
  const iv = randomBytes(16);
  const c = createCipheriv('aes-256-cbc', aesKey(password), iv).setAutoPadding(false);
  return Buffer.concat([iv, c.update(padded), c.final()]).toString('base64');
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const crypt = base64Decode(crypt64);
  // DecodeString's buffer has DecodedLen(len(s)) = len(s)/4*3 bytes of capacity.
  if (crypt.length < 16) throw new Error(`runtime error: slice bounds out of range [:16] with capacity ${Math.floor(crypt64.length / 4) * 3}`);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new Error('crypto/cipher: input not full blocks');
  const d = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16)).setAutoPadding(false);
  const dec = Buffer.concat([d.update(body), d.final()]);
  if (dec.length === 0) throw new Error('runtime error: index out of range [-1]');
  const cut = dec.length - dec[dec.length - 1];
  if (cut < 0) throw new Error(`runtime error: slice bounds out of range [:${cut}]`);
  return dec.subarray(0, cut).toString('utf8');
}

export const cryptoFuncs: FuncMap = {
  bcrypt: goFunc({ params: ['string'] }, bcrypt),
  htpasswd: goFunc({ params: ['string', 'string'] }, htpasswd),
  genPrivateKey: goFunc({ params: ['string'] }, generatePrivateKey),
  derivePassword: goFunc({ params: ['uint32', 'string', 'string', 'string', 'string'] }, derivePassword),
  buildCustomCert: goFunc({ params: ['string', 'string'] }, buildCustomCert),
  genCA: goFunc({ params: ['string', 'int'] }, (cn: string, days: bigint) => genCA(cn, days, rsa2048())),
  genCAWithKey: goFunc({ params: ['string', 'int', 'string'] }, (cn: string, days: bigint, key: string) => genCA(cn, days, withPEMKey(key))),
  genSelfSignedCert: goFunc({ params: ['string', 'list', 'list', 'int'] }, (cn: string, ips: GoValue, dns: GoValue, days: bigint) => genSelfSigned(cn, ips, dns, days, rsa2048())),
  genSelfSignedCertWithKey: goFunc({ params: ['string', 'list', 'list', 'int', 'string'] },
    (cn: string, ips: GoValue, dns: GoValue, days: bigint, key: string) => genSelfSigned(cn, ips, dns, days, withPEMKey(key))),
  genSignedCert: goFunc({ params: ['string', 'list', 'list', 'int', 'any'] },
    (cn: string, ips: GoValue, dns: GoValue, days: bigint, ca: GoValue) => genSigned(cn, ips, dns, days, ca, rsa2048)),
  genSignedCertWithKey: goFunc({ params: ['string', 'list', 'list', 'int', 'any', 'string'] },
    (cn: string, ips: GoValue, dns: GoValue, days: bigint, ca: GoValue, key: string) => genSigned(cn, ips, dns, days, ca, () => withPEMKey(key))),
  encryptAES: goFunc({ params: ['string', 'string'] }, encryptAES),
  decryptAES: goFunc({ params: ['string', 'string'] }, decryptAES),
};
