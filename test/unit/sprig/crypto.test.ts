import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ derivePassword 1 \"long\" \"password\" \"user\" \"example.com\" }}|{{ derivePassword 1 \"maximum\" \"pw\" \"u\" \"s\" }}|{{ derivePassword 3 \"pin\" \"pw\" \"u\" \"s\" }}|{{ derivePassword 1 \"x\" \"pw\" \"u\" \"s\" }}|{{ derivePassword 7 \"basic\" \"\" \"\" \"\" }}|{{ derivePassword 2 \"medium\" \"pässwörd\" \"üser\" \"sïte\" }}|{{ derivePassword 1 \"short\" \"a\" \"b\" \"c\" }}", "ZedaFaxcZaso9*|o2-3WFZN4Khgl8(&IuEk|7979|cannot find password template x|Rrv4pWi9|Huz3'Gur|Nam6"],
  ["{{ htpasswd \"a:b\" \"x\" }}|{{ htpasswd \"user\" \"x\" | len }}|{{ bcrypt \"x\" | len }}|{{ decryptAES \"secret\" (encryptAES \"secret\" \"hello\") }}|{{ encryptAES \"k\" \"\" }}|{{ decryptAES \"k\" \"\" }}|{{ decryptAES \"a-very-long-password-over-32-bytes-long\" (encryptAES \"a-very-long-password-over-32-bytes-long\" \"sixteen bytes!!!\") }}", "invalid username: a:b|65|60|hello|||sixteen bytes!!!"],
  ["{{ genPrivateKey \"foo\" }}|{{ genPrivateKey \"ed25519\" | len }}|{{ genPrivateKey \"ecdsa\" | len }}|{{ typeOf (genCA \"x\" 1) }}|{{ kindOf (genCA \"x\" 1) }}", "Unknown type foo|119|227|sprig.certificate|struct"],
];

const errors: [string, string][] = [
  ["{{ decryptAES \"k\" \"!!\" }}", "error calling decryptAES: illegal base64 data at input byte 0"],
  ["{{ decryptAES \"k\" \"YWJj\" }}", "error calling decryptAES: runtime error: slice bounds out of range [:16] with capacity 3"],
  ["{{ decryptAES \"k\" \"YWJjZGVmZ2hpamtsbW5vcHFyc3R1\" }}", "error calling decryptAES: crypto/cipher: input not full blocks"],
  ["{{ genSelfSignedCert \"x\" (list 1) nil 3 }}", "error calling genSelfSignedCert: error parsing ip: 1 is not a string"],
  ["{{ genSelfSignedCert \"x\" (list \"1.2.3\") nil 3 }}", "error calling genSelfSignedCert: error parsing ip: 1.2.3"],
  ["{{ genSelfSignedCert \"x\" nil (list 5) 3 }}", "error calling genSelfSignedCert: error processing alternate dns name: 5 is not a string"],
  ["{{ buildCustomCert \"!!\" \"x\" }}", "error calling buildCustomCert: unable to decode base64 certificate"],
  ["{{ buildCustomCert \"eA==\" \"!!\" }}", "error calling buildCustomCert: unable to decode base64 private key"],
  ["{{ buildCustomCert \"eA==\" \"eA==\" }}", "error calling buildCustomCert: unable to decode certificate"],
  ["{{ genCAWithKey \"x\" 3 \"junk\" }}", "error calling genCAWithKey: parsing private key: no PEM data in input"],
  ["{{ genCAWithKey \"x\" 3 \"-----BEGIN FOO-----\\nAAAA\\n-----END FOO-----\\n\" }}", "error calling genCAWithKey: parsing private key: no private key data in PEM block of type FOO"],
  ["{{ genCAWithKey \"x\" 3 \"-----BEGIN X PRIVATE KEY-----\\nAAAA\\n-----END X PRIVATE KEY-----\\n\" }}", "error calling genCAWithKey: parsing private key: invalid private key type X PRIVATE KEY"],
];

for (const [tpl, want] of cases) test(`crypto: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`crypto error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));

// ---- hand-written tests below ----
// Random keys and certificates are checked by shape: what Go would produce, validated with node:crypto.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import bcryptjs from 'bcryptjs';

const render = (tpl: string): string => renderCase(tpl);

test('crypto: genCA + genSignedCert form a chain node:crypto verifies', () => {
  const [caPem, certPem, keyPem, type] = render(
    '{{ $ca := genCA "my-ca" 30 }}{{ $c := genSignedCert "leaf.svc" (list "10.0.0.1" "::1") (list "leaf.svc" "leaf.svc.cluster.local") 5 $ca }}'
    + '{{ $ca.Cert }}|{{ $c.Cert }}|{{ $c.Key }}|{{ typeOf $c }}').split('|');
  const ca = new X509Certificate(caPem);
  const leaf = new X509Certificate(certPem);
  assert.equal(type, 'sprig.certificate');
  assert.equal(ca.subject, 'CN=my-ca');
  assert.equal(ca.ca, true);
  assert.ok(ca.verify(ca.publicKey), 'CA is self-signed');
  assert.ok(leaf.verify(ca.publicKey), 'leaf is signed by the CA');
  assert.ok(leaf.checkIssued(ca));
  assert.equal(leaf.ca, false);
  assert.equal(leaf.issuer, 'CN=my-ca');
  assert.equal(leaf.subjectAltName, 'DNS:leaf.svc, DNS:leaf.svc.cluster.local, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1');
  assert.deepEqual(leaf.keyUsage, ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  const days = (Date.parse(leaf.validTo) - Date.parse(leaf.validFrom)) / 86400000;
  assert.equal(days, 5);
  assert.match(keyPem, /^-----BEGIN RSA PRIVATE KEY-----\n/);
  assert.equal(createPrivateKey(keyPem).asymmetricKeyDetails?.modulusLength, 2048);
  assert.ok(leaf.checkPrivateKey(createPrivateKey(keyPem)));
});

test('crypto: genSelfSignedCert prints as a {Cert Key} struct and verifies itself', () => {
  const out = render('{{ genSelfSignedCert "self" nil nil 1 }}');
  assert.match(out, /^\{-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n -----BEGIN RSA PRIVATE KEY-----\n[\s\S]+-----END RSA PRIVATE KEY-----\n\}$/);
  const cert = new X509Certificate(out.slice(1, out.indexOf('-----END CERTIFICATE-----') + 26));
  assert.ok(cert.verify(cert.publicKey));
  assert.equal(cert.ca, false);
});

test('crypto: genPrivateKey emits Go PEM forms for each key type', () => {
  const [rsa, ec, ed] = render('{{ genPrivateKey "rsa" }}|{{ genPrivateKey "ecdsa" }}|{{ genPrivateKey "ed25519" }}').split('|');
  assert.match(rsa, /^-----BEGIN RSA PRIVATE KEY-----\n/);
  assert.equal(createPrivateKey(rsa).asymmetricKeyDetails?.modulusLength, 4096);
  assert.match(ec, /^-----BEGIN EC PRIVATE KEY-----\n/);
  assert.equal(createPrivateKey(ec).asymmetricKeyDetails?.namedCurve, 'prime256v1');
  assert.equal(ec.length, 227);
  assert.match(ed, /^-----BEGIN PRIVATE KEY-----\n.{64}\n-----END PRIVATE KEY-----\n$/);
  assert.equal(createPrivateKey(ed).asymmetricKeyType, 'ed25519');
});

test('crypto: genPrivateKey dsa is Go\'s DSAKeyFormat (L2048N256) and DSA keys cannot sign certificates', () => {
  const dsa = render('{{ genPrivateKey "dsa" }}');
  assert.match(dsa, /^-----BEGIN DSA PRIVATE KEY-----\n/);
  const key = createPrivateKey(dsa);
  assert.equal(key.asymmetricKeyType, 'dsa');
  assert.equal(key.asymmetricKeyDetails?.modulusLength, 2048);
  assert.equal(key.asymmetricKeyDetails?.divisorLength, 256);
  assert.equal(renderCaseError(`{{ genCAWithKey "x" 3 ${JSON.stringify(dsa)} }}`),
    'error calling genCAWithKey: error creating certificate: x509: certificate private key does not implement crypto.Signer');
});

test('crypto: *WithKey functions keep the given key (ecdsa and ed25519 signers)', () => {
  const [key, caPem, caKey, leafPem] = render('{{ $k := genPrivateKey "ecdsa" }}{{ $ca := genCAWithKey "ec-ca" 2 $k }}'
    + '{{ $l := genSignedCertWithKey "l" nil (list "x.io") 2 $ca (genPrivateKey "ed25519") }}{{ $k }}|{{ $ca.Cert }}|{{ $ca.Key }}|{{ $l.Cert }}').split('|');
  assert.equal(caKey, key);
  const ca = new X509Certificate(caPem);
  const leaf = new X509Certificate(leafPem);
  assert.ok(leaf.verify(ca.publicKey));
  assert.equal(leaf.publicKey.asymmetricKeyType, 'ed25519');
  const self = new X509Certificate(render('{{ (genSelfSignedCertWithKey "" nil (list "only.san") 1 (genPrivateKey "ed25519")).Cert }}'));
  assert.ok(!self.subject, 'empty subject');
  assert.ok(self.verify(self.publicKey));
});

test('crypto: buildCustomCert round-trips a base64 certificate and key', () => {
  const out = render('{{ $c := genCA "x" 1 }}{{ $b := buildCustomCert ($c.Cert | b64enc) ($c.Key | b64enc) }}{{ eq $b.Cert $c.Cert }} {{ eq $b.Key $c.Key }}');
  assert.equal(out, 'true true');
});

test('crypto: htpasswd and bcrypt use Go\'s $2a$ cost-10 hashes', () => {
  const [h, b] = render('{{ htpasswd "admin" "s3cret" }}|{{ bcrypt "pw" }}').split('|');
  assert.match(h, /^admin:\$2a\$10\$[./A-Za-z0-9]{53}$/);
  assert.ok(bcryptjs.compareSync('s3cret', h.slice('admin:'.length)));
  assert.ok(bcryptjs.compareSync('pw', b));
});

test('crypto: encryptAES output is base64(iv || AES-256-CBC) and decrypts', () => {
  const [enc, dec] = render('{{ $e := encryptAES "key" "some text" }}{{ $e }}|{{ decryptAES "key" $e }}').split('|');
  assert.equal(Buffer.from(enc, 'base64').length, 32);
  assert.equal(dec, 'some text');
  assert.notEqual(render('{{ encryptAES "key" "x" }}'), render('{{ encryptAES "key" "x" }}'));
});
