import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ urlParse \"https://user:pass@example.com:8080/p/a%20t?q=1&r=x y#frag%21\" }}", "map[fragment:frag! host:example.com:8080 hostname:example.com opaque: path:/p/a t query:q=1&r=x y scheme:https userinfo:user:pass]"],
  ["{{ urlParse \"mailto:joe@example.com\" }}|{{ urlParse \"/relative/path?x\" }}|{{ urlParse \"\" }}|{{ urlParse \"http://[::1]:80/\" }}|{{ (urlParse \"http://h/x?y\").query }}", "map[fragment: host: hostname: opaque:joe@example.com path: query: scheme:mailto userinfo:]|map[fragment: host: hostname: opaque: path:/relative/path query:x scheme: userinfo:]|map[fragment: host: hostname: opaque: path: query: scheme: userinfo:]|map[fragment: host:[::1]:80 hostname:::1 opaque: path:/ query: scheme:http userinfo:]|y"],
  ["{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"example.com\" \"path\" \"/a b\" \"query\" \"x=1\" \"fragment\" \"f g\") }}", "https://example.com/a%20b?x=1#f%20g"],
  ["{{ urlJoin (dict \"host\" \"h\" \"path\" \"p\") }}|{{ urlJoin (dict \"path\" \"a:b\") }}|{{ urlJoin (dict \"scheme\" \"mailto\" \"opaque\" \"x@y\") }}|{{ urlJoin (dict \"scheme\" \"http\" \"host\" \"h\" \"userinfo\" \"u:p%40\") }}|{{ urlJoin (dict) }}", "//h/p|./a:b|mailto:x@y|http://u:p%40@h|"],
];

const errors: [string, string][] = [
  ["{{ urlParse \"http://a b.com/\" }}", "error calling urlParse: unable to parse url: parse \"http://a b.com/\": invalid character \" \" in host name"],
  ["{{ urlParse \":foo\" }}", "error calling urlParse: unable to parse url: parse \":foo\": missing protocol scheme"],
  ["{{ urlJoin (dict \"host\" 1) }}", "error calling urlJoin: unable to parse host key, must be of type string, but int found"],
];

for (const [tpl, want] of cases) test(`urls: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`urls error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
