import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCase, renderCaseError } from '../../support/sprig-cases.js';

// Expected outputs: Helm v3.10.1 `helm template` rendering each one-line template.
const cases: [string, string][] = [
  ["{{ regexMatch \"(\" \"a\" }}|{{ regexMatch \"^[a-z]+$\" \"abc\" }}|{{ regexMatch \"^[a-z]+$\" \"abc\\n\" }}|{{ regexMatch \"\" \"\" }}|{{ regexMatch \"b\" \"abc\" }}", "false|true|false|true|true"],
  ["{{ regexFindAll \"a.\" \"a1a2a3\" -1 }}|{{ regexFindAll \"a.\" \"a1a2a3\" 0 }}|{{ regexFindAll \"a.\" \"a1a2a3\" 2 }}|{{ regexFindAll \"x\" \"abc\" -1 }}|{{ regexFindAll \"a*\" \"baaac\" -1 }}|{{ regexFindAll \"\" \"abc\" -1 }}|{{ regexFindAll \"\" \"héé\" -1 }}", "[a1 a2 a3]|[]|[a1 a2]|[]|[ aaa ]|[   ]|[   ]"],
  ["{{ regexSplit \"a\" \"banana\" -1 }}|{{ regexSplit \"\" \"abc\" -1 }}|{{ regexSplit \"a*\" \"baaac\" -1 }}|{{ regexSplit \",\" \"a,b,c\" 2 }}|{{ regexSplit \",\" \"\" -1 | len }}|{{ regexSplit \",\" \"a,b\" 0 }}|{{ regexSplit \"x*\" \"\" -1 | len }}|{{ regexSplit \",\" \",a,\" -1 | len }}", "[b n n ]|[a b c]|[b c]|[a b,c]|1|[]|1|3"],
  ["{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }}|{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\" }}|{{ regexReplaceAll \"(?P<n>x+)\" \"axxb\" \"<$n>\" }}|{{ regexReplaceAll \"(a)\" \"a\" \"$2$1x$$\" }}|{{ regexReplaceAll \"(a)\" \"a\" \"${1\" }}|{{ regexReplaceAll \"a*\" \"baaac\" \"X\" }}|{{ regexReplaceAll \"\" \"abc\" \"-\" }}|{{ regexReplaceAll \"(?P<first>\\\\w+) (?P<last>\\\\w+)\" \"John Smith\" \"${last}, ${first}\" }}", "-W-xxW-|---|a<xx>b|$|${1|XbXcX|-a-b-c-|Smith, John"],
  ["{{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-\" \"$1\" }}|{{ regexReplaceAllLiteral \".\" \"ab\" \"$$\" }}|{{ regexQuoteMeta \"a.b*c\" }}|{{ regexQuoteMeta \"[x]{1}^$|\\\\\" }}|{{ regexFind \"b+\" \"abbbc\" }}|{{ regexFind \"z\" \"abc\" }}", "-$1-|$$$$|a\\.b\\*c|\\[x\\]\\{1\\}\\^\\$\\|\\\\|bbb|"],
  ["{{ regexMatch \"(?i)ABC\" \"xabcx\" }}|{{ regexMatch \"^a.c$\" \"a\\nc\" }}|{{ regexMatch \"(?s)^a.c$\" \"a\\nc\" }}|{{ regexFindAll \"(?m)^\\\\w+$\" \"ab\\ncd\\n\" -1 }}|{{ regexMatch \"a$\" \"a\\n\" }}|{{ regexMatch \"a\\\\z\" \"a\" }}|{{ regexMatch \"\\\\Aa\" \"ba\" }}|{{ regexMatch \"a.c\" \"a\\rc\" }}", "true|false|true|[ab cd]|false|true|false|true"],
  ["{{ regexFindAll \"[[:alpha:]]+\" \"ab1cd\" -1 }}|{{ regexFindAll \"[[:^digit:]]+\" \"ab1cd\" -1 }}|{{ regexMatch \"\\\\pL\" \"é\" }}|{{ regexMatch \"\\\\p{Greek}\" \"α\" }}|{{ regexMatch \"\\\\PL\" \"é\" }}|{{ regexFindAll \"\\\\d+\" \"a١٢3\" -1 }}|{{ regexFindAll \"\\\\w+\" \"héllo\" -1 }}|{{ regexFindAll \"\\\\s\" \"a\\vb c\" -1 | len }}|{{ regexFindAll \"\\\\bfoo\\\\b\" \"foo éfoo foo_ foo\" -1 | len }}", "[ab cd]|[ab cd]|true|true|false|[3]|[h llo]|1|3"],
  ["{{ regexFindAll \"(?U)a+\" \"aaa\" -1 }}|{{ regexFindAll \"(?U)a+?\" \"aaa\" -1 }}|{{ regexFindAll \"a{2}\" \"aaaaa\" -1 }}|{{ regexFindAll \"a{2,}\" \"aaaaa\" -1 }}|{{ regexFindAll \"a{1,2}?\" \"aaa\" -1 }}|{{ regexMatch \"x{,2}\" \"x{,2}\" }}|{{ regexMatch \"x{2,}\" \"xx\" }}|{{ regexMatch \"{\" \"{\" }}", "[a a a]|[aaa]|[aa aa]|[aaaaa]|[a a a]|true|true|true"],
  ["{{ regexFindAll \"[a-c-e]+\" \"a-e-z\" -1 }}|{{ regexFindAll \"[]a]+\" \"]a]b\" -1 }}|{{ regexFindAll \"[^]a]+\" \"]a]b\" -1 }}|{{ regexMatch \"\\\\Qa.b\\\\E\" \"a.b\" }}|{{ regexMatch \"\\\\Qa.b\\\\E\" \"axb\" }}|{{ regexMatch \"(?i:a)B\" \"Ab\" }}|{{ regexMatch \"(?i)straße\" \"STRASSE\" }}|{{ regexMatch \"(?i)k\" \"\\u212a\" }}", "[a-e-]|[]a]]|[b]|true|false|false|false|true"],
  ["{{ regexMatch \"a|b|\" \"\" }}|{{ regexFind \"(a|ab)(c|bcd)\" \"abcd\" }}|{{ regexFind \"a(?:b|c)*d\" \"abcbd\" }}|{{ regexMatch \"\\\\x41\\\\x{42}\\\\101\" \"ABA\" }}|{{ regexMatch \"\\\\.\" \"a\" }}|{{ regexMatch \"[\\\\d\\\\-]+\" \"1-2\" }}|{{ regexMatch \"\\\\!\\\\@\\\\#\" \"!@#\" }}|{{ regexMatch \"^$\" \"\" }}|{{ regexFindAll \"(?m)$\" \"a\\nb\" -1 | len }}", "true|abcd|abcbd|true|false|true|true|true|2"],
  ["{{ regexMatch \"[^a]\" \"\\n\" }}|{{ regexFindAll \".\" \"a\\nb\" -1 }}|{{ regexFindAll \"(?s).\" \"a\\nb\" -1 | len }}|{{ regexMatch \"(?i)[a-c]+\" \"ABC\" }}|{{ regexMatch \"[[:word:]]\" \"_\" }}|{{ regexFind \"^[0-9]+\\\\.[0-9]+\\\\.[0-9]+\" \"1.2.3-rc1\" }}|{{ regexFind \"[a-z]+$\" \"abc123def\" }}", "true|[a b]|3|true|true|1.2.3|def"],
  ["{{ regexFindAll \"(?i)é\" \"ÉéE\" -1 }}|{{ regexMatch \"^(?:[a-z0-9]([-a-z0-9]*[a-z0-9])?)$\" \"my-name\" }}|{{ regexReplaceAll \"[^a-zA-Z0-9-]\" \"My_App.Name\" \"-\" }}|{{ regexReplaceAll \"^(.{0,5}).*\" \"abcdefgh\" \"$1\" }}", "[É é]|true|My-App-Name|abcde"],
  ["{{ regexMatch \"(?i)\\\\p{Lu}\" \"a\" }}|{{ regexMatch \"(?i)[\\\\p{Ll}]\" \"A\" }}|{{ regexMatch \"(?i)\\\\P{Lu}\" \"a\" }}|{{ regexMatch \"(?i)\\\\pN\" \"5\" }}|{{ regexMatch \"(?i)[^\\\\p{Lu}]\" \"a\" }}|{{ regexMatch \"(?i)\\\\p{Greek}\" \"Ω\" }}", "true|true|false|true|false|true"],
];

// Go's RE2 engine semantics that a backtracking JS RegExp does not share (re2js): submatches set in an
// earlier iteration of a repetition survive, (?i) folds whole case orbits (σ ς Σ), `$01` is a name, a
// group name may repeat (Go 1.18), `\Q\E*` repeats nothing.
cases.push(
  ["{{ regexReplaceAll \"((a)|b)+\" \"ab\" \"<$2>\" }}|{{ regexReplaceAll \"(?i)Σ\" \"σςΣ\" \"x\" }}|{{ regexReplaceAll \"(a)\" \"a\" \"$01\" }}|{{ regexMatch \"(?P<name>a)(?P<name>b)\" \"ab\" }}|{{ regexMatch \"\\\\Q\\\\E*\" \"\" }}", '<a>|xxx||true|false'],
);

const errors: [string, string][] = [
  ["{{ mustRegexMatch \"(\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: missing closing ): `(`"],
  ["{{ regexFind \"(\" \"a\" }}", "error calling regexFind: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"],
  ["{{ regexFindAll \"a**\" \"a\" -1 }}", "error calling regexFindAll: regexp: Compile(`a**`): error parsing regexp: invalid nested repetition operator: `**`"],
  ["{{ mustRegexFindAll \"(?=x)\" \"a\" -1 }}", "error calling mustRegexFindAll: error parsing regexp: invalid or unsupported Perl syntax: `(?=`"],
  ["{{ mustRegexMatch \"(a)\\\\1\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid escape sequence: `\\1`"],
  ["{{ mustRegexMatch \"[z-a]\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid character class range: `z-a`"],
  ["{{ mustRegexMatch \"a{1001}\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid repeat count: `{1001}`"],
  ["{{ mustRegexMatch \"[[:foo:]]\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid character class range: `[:foo:]`"],
  ["{{ mustRegexMatch \"(?P<a-b>x)\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid named capture: `(?P<a-b>`"],
  ["{{ mustRegexMatch \"x\\\\\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: trailing backslash at end of expression: ``"],
  ["{{ mustRegexMatch \"[abc\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: missing closing ]: `[abc`"],
  ["{{ mustRegexMatch \"abc)\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: unexpected ): `abc)`"],
  ["{{ mustRegexMatch \"*a\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: missing argument to repetition operator: `*`"],
  ["{{ mustRegexMatch \"\\\\p{Foo}\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid character class range: `\\p{Foo}`"],
  ["{{ mustRegexMatch \"(?<n>a)\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?<`"],
  ["{{ mustRegexMatch \"\\\\Z\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid escape sequence: `\\Z`"],
  ["{{ regexFind \"(`\" \"a\" }}", "error calling regexFind: regexp: Compile(\"(`\"): error parsing regexp: missing closing ): `(``"],
  ["{{ mustRegexMatch \"(?!a)\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?!`"],
  ["{{ mustRegexMatch \"(?<=a)b\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?<`"],
  ["{{ mustRegexMatch \"a++\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid nested repetition operator: `++`"],
  ["{{ mustRegexMatch \"a*?+\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid nested repetition operator: `*?+`"],
  ["{{ mustRegexMatch \"(?i\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?i`"],
  ["{{ mustRegexMatch \"(?x)a\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?x`"],
  ["{{ mustRegexMatch \"a{2,1}\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid repeat count: `{2,1}`"],
  ["{{ mustRegexMatch \"(a|*)\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: missing argument to repetition operator: `*`"],
  ["{{ mustRegexMatch \"\\\\8\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid escape sequence: `\\8`"],
  ["{{ mustRegexMatch \"(?P<n>a\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: missing closing ): `(?P<n>a`"],
  ["{{ mustRegexMatch \"(?P<>a)\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid named capture: `(?P<>`"],
  ["{{ mustRegexMatch \"\\\\xZZ\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: invalid escape sequence: `\\xZZ`"],
  ["{{ mustRegexMatch \"[a\" \"a\" }}", "error calling mustRegexMatch: error parsing regexp: missing closing ]: `[a`"],
  ["{{ mustRegexReplaceAll \"(\" \"a\" \"b\" }}", "error calling mustRegexReplaceAll: error parsing regexp: missing closing ): `(`"],
  ["{{ regexReplaceAll \"[\" \"a\" \"b\" }}", "error calling regexReplaceAll: regexp: Compile(`[`): error parsing regexp: missing closing ]: `[`"],
  ["{{ regexSplit \"+\" \"a\" -1 }}", "error calling regexSplit: regexp: Compile(`+`): error parsing regexp: missing argument to repetition operator: `+`"],
  ["{{ mustRegexSplit \"?\" \"a\" -1 }}", "error calling mustRegexSplit: error parsing regexp: missing argument to repetition operator: `?`"],
  ["{{ regexReplaceAllLiteral \")\" \"a\" \"b\" }}", "error calling regexReplaceAllLiteral: regexp: Compile(`)`): error parsing regexp: unexpected ): `)`"],
  ["{{ mustRegexFind \"\\\\C\" \"a\" }}", "error calling mustRegexFind: error parsing regexp: invalid escape sequence: `\\C`"],
  ["{{ mustRegexReplaceAllLiteral \"x{1000}{2}\" \"a\" \"b\" }}", "error calling mustRegexReplaceAllLiteral: error parsing regexp: invalid nested repetition operator: `{1000}{2}`"],
];

for (const [tpl, want] of cases) test(`regex: ${tpl}`, () => assert.equal(renderCase(tpl), want));
for (const [tpl, want] of errors) test(`regex error: ${tpl}`, () => assert.equal(renderCaseError(tpl), want));
