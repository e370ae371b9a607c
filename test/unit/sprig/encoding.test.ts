import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ b64enc \"hello\" }}|{{ b64enc \"\" }}|{{ b64enc \"é\" }}|{{ b64dec \"aGVsbG8=\" }}|{{ b64dec \"\" }}|{{ b64dec \"aGVsbG8\" }}|{{ b64dec \"!!!\" }}|{{ b64dec \"aGVs\\nbG8=\" }}|{{ b64dec \"aGVsbG8=x\" }}|{{ b64dec \"YQ==\" }}|{{ b64dec \"YQ=\" }}|{{ b64dec \"Y===\" }}|{{ b64dec \"YWJj\" }}|{{ b64dec \"YQ==YQ==\" }}", "aGVsbG8=||w6k=|hello||illegal base64 data at input byte 4|illegal base64 data at input byte 0|hello|illegal base64 data at input byte 8|a|illegal base64 data at input byte 3|illegal base64 data at input byte 1|abc|illegal base64 data at input byte 4"],
  ["{{ b32enc \"hello\" }}|{{ b32enc \"\" }}|{{ b32enc \"a\" }}|{{ b32dec \"NBSWY3DP\" }}|{{ b32dec \"MFRGG===\" }}|{{ b32dec \"!!\" }}|{{ b32dec \"MFRGG\" }}|{{ b32dec \"ME======\" }}|{{ b32dec \"M=======\" }}|{{ b32dec \"MFRGGZDFMZTWQ2LK\" }}|{{ b32dec \"mfrgg===\" }}", "NBSWY3DP||ME======|hello|abc|illegal base32 data at input byte 0|illegal base32 data at input byte 0|a|illegal base32 data at input byte 1|abcdefghij|illegal base32 data at input byte 0"],
  ["{{ sha1sum \"abc\" }}|{{ sha256sum \"abc\" }}|{{ adler32sum \"abc\" }}|{{ sha256sum \"\" }}|{{ adler32sum \"\" }}|{{ sha1sum \"é\" }}|{{ adler32sum \"Wikipedia\" }}|{{ typeOf (adler32sum \"a\") }}", "a9993e364706816aba3e25717850c26c9cd0d89d|ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad|38600999|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855|1|bf15be717ac1b080b4f1c456692825891ff5073d|300286872|string"],
];

const errors: [string, string][] = [

];

for (const [tpl, want] of cases) test(`encoding: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`encoding error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
