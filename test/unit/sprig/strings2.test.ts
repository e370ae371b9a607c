import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ title \"hello_world\" }}|{{ title \"ǆemal\" }}|{{ title \"ÉCOLE élan\" }}|{{ title \"a.b,c;d\" }}|{{ title \"1st place\" }}|{{ title \"\" }}|{{ title \"x\\ty\\nz\" }}", "Hello_world|ǅemal|ÉCOLE Élan|A.B,C;D|1st Place||X\tY\nZ"],
  ["{{ swapcase \"ǅ Ǆ ǆ\" }}|{{ swapcase \"ÄÖÜ äöü\" }}|{{ swapcase \"hello\\u00a0world\" }}|{{ upper \"ﬀ straße\" }}|{{ lower \"İSTANBUL\" }}|{{ upper \"ǆ\" }}|{{ lower \"ǅ\" }}", "ǆ ǆ ǅ|äöü ÄÖÜ|HELLO WORLD|ﬀ STRAßE|istanbul|Ǆ|ǆ"],
  ["{{ initials \"Hello, World!\" }}|{{ initials \"a-b c_d\" }}|{{ initials \"  \" }}|{{ initials \"\\u00a0x\" }}|{{ untitle \"ÄBC DEF\" }}|{{ untitle \" X\" }}", "HW|ac||Âx|äBC dEF| x"],
  ["{{ camelcase \"Hello World\" }}|{{ camelcase \"foo__bar\" }}|{{ camelcase \"x-y_z w\" }}|{{ camelcase \"ÉCOLE_x\" }}|{{ camelcase \"1st_place\" }}|{{ camelcase \"a_1\" }}|{{ camelcase \"--a\" }}|{{ camelcase \"a--\" }}|{{ camelcase \"ab\\tcd\" }}", "HelloWorld|Foo_Bar|XYZW|ÉcoleX|1stPlace|A1|--A|A--|AbCd"],
  ["{{ snakecase \"MyHTTPServer2Go\" }}|{{ snakecase \"already_snake\" }}|{{ snakecase \"Some Title Here\" }}|{{ snakecase \"ID\" }}|{{ snakecase \"iD\" }}|{{ snakecase \"A\" }}|{{ snakecase \"a1B2c3\" }}|{{ snakecase \"ABCDef\" }}|{{ snakecase \"x__y\" }}|{{ snakecase \"Ünïcödé Wörds\" }}", "my_http_server2_go|already_snake|some_title_here|id|i_d|a|a1_b_2c3|abc_def|x__y|ünïcödé_wörds"],
  ["{{ kebabcase \"fooBarBaz\" }}|{{ kebabcase \"FOO_BAR\" }}|{{ kebabcase \"foo.bar\" }}|{{ kebabcase \"foo..Bar\" }}|{{ kebabcase \"v2\" }}|{{ kebabcase \"V2\" }}|{{ kebabcase \"2v\" }}|{{ kebabcase \"2V\" }}|{{ kebabcase \"a 1 b\" }}|{{ kebabcase \"ab12CD34ef\" }}", "foo-bar-baz|foo-bar|foo.bar|foo..bar|v2|v2|2v|2-v|a-1--b|ab12-cd-34ef"],
  ["{{ abbrev 6 \"héllo wörld\" }}|{{ abbrevboth 5 9 \"héllo wörld and more\" }}|{{ wrap 6 \"héllo wörld\" }}|{{ wrapWith 4 \"\\n\" \"ééééé\" }}|{{ substr 1 3 \"héllo\" | len }}", "hé...|...o w...|héllo\nwörld|éé\néé\né|2"],
  ["{{ trimAll \"ab\" \"abcba\" }}|{{ trimAll \"\" \" x \" }}|{{ trim \"\\u00a0\\u2003x\\u3000\" }}|{{ trimPrefix \"ab\" \"ababc\" }}|{{ trimSuffix \"\" \"x\" }}|{{ nospace \"a\\u2003b\" }}", "c| x |x|abc|x|a b"],
  ["{{ plural \"a\" \"b\" -1 }}|{{ repeat 2 \"\" }}|{{ contains \"é\" \"café\" }}|{{ hasPrefix \"\" \"x\" }}|{{ replace \"aa\" \"b\" \"aaaa\" }}|{{ replace \"a\" \"\" \"banana\" }}", "b||true|true|bb|bnn"],
  ["{{ quote 1.0 }}|{{ quote 1e21 }}|{{ quote 123456789.0 }}|{{ quote (int64 5) }}|{{ quote (list) }}|{{ quote (dict) }}|{{ squote \"it's\" }}|{{ quote \"\\\\\" }}|{{ quote \"\\u2028\" }}|{{ quote \"\\x7f\" }}", "\"1\"|\"1e+21\"|\"1.23456789e+08\"|\"5\"|\"[]\"|\"map[]\"|'it's'|\"\\\\\"|\"\\u2028\"|\"\\u007f\""],
  ["{{ cat (list \"a\" \"b\") (dict \"k\" \"v\") }}|{{ cat 1 \"\" 2 }}|{{ cat \"\" }}|{{ cat true false }}|{{ cat 0.1 }}|{{ cat (int64 -3) }}", "[a b] map[k:v]|1  2||true false|0.1|-3"],
  ["{{ toStrings \"x\" }}|{{ toStrings 5 }}|{{ toStrings nil }}|{{ toStrings (list) }}|{{ typeOf (toStrings nil) }}|{{ toStrings (list (list 1) (dict)) }}|{{ toStrings (splitList \",\" \"a,b\") }}", "[x]|[5]|[]|[]|[]string|[[1] map[]]|[a b]"],
  ["{{ join \"\" (list \"a\" \"b\") }}|{{ join \", \" (list) }}|{{ join \"-\" (list nil nil) }}|{{ join \".\" (list true 1 1.5 \"x\") }}|{{ join \",\" (dict \"a\" 1) }}", "ab|||true.1.1.5.x|map[a:1]"],
  ["{{ indent 2 \"\" }}|{{ indent 2 \"\\n\" }}|{{ indent 1 \"a\\r\\nb\" }}|{{ nindent 0 \"x\" }}", "  |  \n  | a\r\n b|\nx"],
  ["{{ wrap 1 \"a b c\" }}|{{ wrap 3 \"a   b\" }}|{{ wrap 5 \" leading\" }}|{{ wrapWith 2 \"<br>\" \"abcdef\" }}|{{ wrapWith 10 \"|\" \"short\" }}|{{ wrap -1 \"ab cd\" }}", "a\nb\nc|a  \nb|leading|ab<br>cd<br>ef|short|ab\ncd"],
  ["{{ abbrevboth 3 6 \"abcdefghijkl\" }}|{{ abbrevboth 5 6 \"abcdefghijkl\" }}|{{ abbrevboth 100 10 \"abcdefghijklmnop\" }}|{{ abbrevboth -1 5 \"abcdefgh\" }}|{{ abbrev 4 \"abcd\" }}|{{ abbrev 4 \"abcde\" }}", "abcdefghijkl|abcdefghijkl|...jklmnop|ab...|abcd|a..."],
  ["{{ trunc -3 \"ab\" }}|{{ trunc -2 \"ab\" }}|{{ trunc 99999 \"ab\" }}", "ab|ab|ab"],
];

const errors: [string, string][] = [
  ["{{ substr 0 -1 \"abc\" }}|{{ substr -5 2 \"abc\" }}|{{ substr 5 10 \"abc\" }}", "error calling substr: runtime error: slice bounds out of range [5:3]"],
];

for (const [tpl, want] of cases) test(`strings2: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`strings2 error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
