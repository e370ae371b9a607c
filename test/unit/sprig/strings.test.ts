import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ trunc 5 \"hello world\" }}|{{ trunc -5 \"hello world\" }}|{{ trunc -50 \"hello\" }}|{{ trunc 0 \"x\" }}|{{ trunc 3 \"héllo\" }}", "hello|world|hello||hé"],
  ["{{ substr 1 3 \"hello\" }}|{{ substr -1 3 \"hello\" }}|{{ substr 2 -1 \"hello\" }}|{{ substr 2 99 \"hello\" }}|{{ substr 0 0 \"abc\" }}", "el|hel|llo|llo|"],
  ["{{ abbrev 5 \"hello world\" }}|{{ abbrev 3 \"hello\" }}|{{ abbrev 20 \"short\" }}|{{ abbrev 4 \"abcdef\" }}|{{ abbrev 5 \"\" }}", "he...|hello|short|a...|"],
  ["{{ abbrevboth 5 10 \"1234 5678 9123\" }}|{{ abbrevboth 0 4 \"abcdefgh\" }}|{{ abbrevboth 10 7 \"abcdefghijklmnopqrstuvwxyz\" }}|{{ abbrevboth 3 7 \"abcdefghijklmnopqrstuvwxyz\" }}|{{ abbrevboth 1 6 \"abcdefghij\" }}|{{ abbrevboth 20 10 \"abcdefghijklmnopqrstuvwxyz\" }}", "...5678...|a...|...k...|abcd...|abcdefghij|...tuvwxyz"],
  ["{{ wrap 5 \"Hello World this is long\" }}|{{ wrapWith 5 \"\\t\" \"Hello World\" }}|{{ wrap 3 \"abcdefgh ij\" }}|{{ wrapWith 3 \"|\" \"abcdefgh ij\" }}|{{ wrap 10 \"a\\nbbbbbbbbbbbbbb c\" }}|{{ wrap 0 \"a b\" }}|{{ wrap 80 \"short\" }}|{{ wrap 4 \"  a   b  \" }}", "Hello\nWorld\nthis\nis\nlong|Hello\tWorld|abcdefgh\nij|abc|def|gh|ij|a\nbbbbbbbbbbbbbb\nc|a\nb|short|a  \nb  "],
  ["{{ initials \"First Try\" }}|{{ initials \"élan vital\" }}|{{ initials \"\" }}|{{ initials \"  a\\tb\\nc\" }}", "FT|Ãv||abc"],
  ["{{ title \"hello wORLD foo-bar o'neil\" }}|{{ title \"x_y z9a\" }}|{{ untitle \"Hello World\" }}|{{ untitle \"Élan Vital\" }}|{{ untitle \"ABC\" }}", "Hello WORLD Foo-Bar O'Neil|X_y Z9a|hello world|élan vital|aBC"],
  ["{{ upper \"abé\" }}|{{ lower \"ABÉ\" }}|{{ upper \"ß\" }}|{{ swapcase \"Hello wOrld  \\ttest\" }}|{{ swapcase \"ABC def\" }}", "ABÉ|abé|ß|hELLO WoRLD  \tTEST|abc DEF"],
  ["{{ camelcase \"hello_world\" }}|{{ camelcase \"a__b\" }}|{{ camelcase \"HELLO_WORLD\" }}|{{ camelcase \"hello-world foo\" }}|{{ camelcase \"_\" }}|{{ camelcase \"a\" }}|{{ camelcase \"_complex__case_\" }}|{{ camelcase \"fooBar\" }}|{{ camelcase \"\" }}", "HelloWorld|A_B|HelloWorld|HelloWorldFoo|__|A|_Complex_Case_|Foobar|"],
  ["{{ snakecase \"HTTP2XX\" }}|{{ snakecase \"http2xx\" }}|{{ snakecase \"HTTP20xOK\" }}|{{ snakecase \"FirstName\" }}|{{ snakecase \"fooBar baz-qux\" }}|{{ snakecase \"Duration2m3s\" }}|{{ snakecase \"HTTPServer\" }}|{{ snakecase \"NoHTTPS\" }}|{{ snakecase \"a.b\" }}|{{ snakecase \"ÉcoleX\" }}|{{ snakecase \"__a\" }}|{{ snakecase \"a  b\" }}", "http2_xx|http_2xx|http_20x_ok|first_name|foo_bar_baz_qux|duration_2m3s|http_server|no_https|a.b|école_x|__a|a__b"],
  ["{{ kebabcase \"Bld4Floor3rd\" }}|{{ kebabcase \"Foo Bar!Baz\" }}|{{ kebabcase \"myHTTPServer\" }}|{{ kebabcase \"GO_PATH\" }}|{{ kebabcase \"x-1-y\" }}|{{ kebabcase \"v1.2Beta\" }}", "bld4-floor-3rd|foo-bar!baz|my-http-server|go-path|x-1--y|v1.2-beta"],
  ["{{ nospace \"a b\\tc à\" }}|{{ nospace \"abc\" }}|{{ nospace \" \\n \" }}", "abcÃ|abc|"],
  ["{{ quote \"a\" 1 nil 2.5 true (list 1 2) }}|{{ squote \"a\" 1 nil 2.5 }}|{{ quote \"a\\\"b\\n\" }}|{{ quote }}|{{ quote \"é\\u0001\" }}|{{ quote \"\\u00a0\\t\" }}|{{ quote .Values.big }}|{{ squote (dict \"a\" 1) }}", "\"a\" \"1\" \"2.5\" \"true\" \"[1 2]\"|'a' '1' '2.5'|\"a\\\"b\\n\"||\"é\\x01\"|\"\\u00a0\\t\"|\"1e+06\"|'map[a:1]'"],
  ["{{ cat \"a\" 1 nil \"b\" (list 1) }}|{{ cat }}|{{ cat nil }}|{{ cat 1 2 }}|{{ cat \"a\" \"b\" }}|{{ cat 1.5 true }}", "a 1 b [1]|||1 2|a b|1.5 true"],
  ["{{ plural \"one\" \"many\" 1 }}|{{ plural \"one\" \"many\" 2 }}|{{ plural \"one\" \"many\" 0 }}|{{ repeat 3 \"ab\" }}|{{ repeat 0 \"x\" }}", "one|many|many|ababab|"],
  ["{{ replace \"a\" \"b\" \"aaa\" }}|{{ replace \"\" \"-\" \"abc\" }}|{{ \"x.y.z\" | replace \".\" \"/\" }}", "bbb|-a-b-c-|x/y/z"],
  ["{{ trimAll \"$\" \"$$a$\" }}|{{ trimall \"ab\" \"abxba\" }}|{{ trimPrefix \"a\" \"aab\" }}|{{ trimSuffix \"b\" \"abb\" }}|{{ trim \"  x \\n\" }}|{{ trimPrefix \"\" \"x\" }}", "a|x|ab|ab|x|x"],
  ["{{ contains \"b\" \"abc\" }}|{{ hasPrefix \"a\" \"abc\" }}|{{ hasSuffix \"c\" \"abc\" }}|{{ contains \"\" \"\" }}|{{ hasPrefix \"x\" \"abc\" }}", "true|true|true|true|false"],
  ["{{ split \",\" \"a,b,c\" }}|{{ splitList \",\" \"a,b,c\" }}|{{ splitn \",\" 2 \"a,b,c\" }}|{{ splitList \"\" \"abc\" }}|{{ splitList \",\" \"\" }}|{{ (split \",\" \"a,b\")._1 }}|{{ splitn \",\" 0 \"a,b\" }}|{{ splitn \",\" -1 \"a,b\" }}", "map[_0:a _1:b _2:c]|[a b c]|map[_0:a _1:b,c]|[a b c]|[]|b|map[]|map[_0:a _1:b]"],
  ["{{ join \"-\" (list 1 \"a\" nil 2.5) }}|{{ join \",\" \"abc\" }}|{{ join \",\" (splitList \".\" \"a.b\") }}|{{ join \",\" nil }}|{{ join \",\" 5 }}", "1-a-2.5|abc|a,b||5"],
  ["{{ toStrings (list 1 nil \"x\") }}|{{ toString 1 }}|{{ toString 1.5 }}|{{ toString nil }}|{{ toString (list 1) }}|{{ toString (dict \"a\" 1) }}|{{ toString true }}|{{ toString 1e6 }}|{{ toString 1000000.0 }}|{{ toString 0.00001 }}|{{ toString .Values.big }}", "[1 x]|1|1.5|<nil>|[1]|map[a:1]|true|1e+06|1e+06|1e-05|1e+06"],
  ["{{ sortAlpha (list \"b\" \"a\" 3) }}|{{ sortAlpha \"x\" }}|{{ sortAlpha nil }}|{{ sortAlpha (list \"B\" \"a\" \"_\" \"ä\") }}", "[3 a b]|[x]|[<nil>]|[B _ a ä]"],
  ["{{ indent 2 \"a\\nb\" }}|{{ nindent 2 \"a\\nb\" }}|{{ indent 0 \"x\" }}|{{ \"x\\n\" | indent 3 }}|{{ nindent 1 \"\" }}", "  a\n  b|\n  a\n  b|x|   x\n   |\n "],
  ["{{ shuffle \"\" }}|{{ shuffle \"a\" }}|{{ len (shuffle \"abcdef\") }}", "|a|6"],
  ["{{ toString (b64enc \"x\") }}|{{ typeOf (toStrings (list 1)) }}|{{ typeOf (splitList \",\" \"a\") }}|{{ typeOf (split \",\" \"a\") }}|{{ typeOf (toString 1) }}", "eA==|[]string|[]string|map[string]string|string"],
  ["{{ trunc 2 .Values.s }}", "st"],
];

const errors: [string, string][] = [
  ["{{ repeat -1 \"x\" }}", "error calling repeat: strings: negative Repeat count"],
  ["{{ substr 3 1 \"hello\" }}", "error calling substr: runtime error: slice bounds out of range [3:1]"],
];

for (const [tpl, want] of cases) test(`strings: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`strings error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
