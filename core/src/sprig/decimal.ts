/**
 * The slice of shopspring/decimal Sprig's float math uses: exact decimal add/sub/mul, division rounded to
 * 16 places (DivisionPrecision), and conversion back to the nearest float64.
 */
export class Decimal {
  constructor(readonly coef: bigint, readonly exp: number) {}

  static fromFloat(f: number): Decimal {
    if (Number.isNaN(f)) throw new Error('Cannot create a Decimal from NaN');
    if (!Number.isFinite(f)) throw new Error(f > 0 ? 'Cannot create a Decimal from +Inf' : 'Cannot create a Decimal from -Inf');
    // JS prints the shortest decimal that round-trips, as decimal.NewFromFloat does.
    const s = f.toExponential();
    const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s)!;
    const digits = m[2] + (m[3] ?? '');
    const exp = Number(m[4]) - (digits.length - 1);
    return new Decimal(BigInt(m[1] + digits), exp);
  }

  private static align(a: Decimal, b: Decimal): [bigint, bigint, number] {
    const e = Math.min(a.exp, b.exp);
    return [a.coef * 10n ** BigInt(a.exp - e), b.coef * 10n ** BigInt(b.exp - e), e];
  }

  add(d: Decimal): Decimal { const [x, y, e] = Decimal.align(this, d); return new Decimal(x + y, e); }
  sub(d: Decimal): Decimal { const [x, y, e] = Decimal.align(this, d); return new Decimal(x - y, e); }
  mul(d: Decimal): Decimal { return new Decimal(this.coef * d.coef, this.exp + d.exp); }

  /** DivRound(d, 16): quotient rounded half away from zero at 16 decimal places. */
  div(d: Decimal): Decimal {
    if (d.coef === 0n) throw new Error('decimal division by 0');
    const places = 16;
    // this / d = (c1 / c2) * 10^(e1 - e2); scale so the integer quotient has `places + 1` fractional digits.
    const shift = places + 1 + this.exp - d.exp;
    let num = this.coef;
    let den = d.coef;
    if (shift >= 0) num *= 10n ** BigInt(shift); else den *= 10n ** BigInt(-shift);
    let q = num / den;
    const neg = q < 0n || (q === 0n && (num < 0n) !== (den < 0n));
    let aq = q < 0n ? -q : q;
    const last = aq % 10n;
    aq = aq / 10n + (last >= 5n ? 1n : 0n);
    q = neg ? -aq : aq;
    return new Decimal(q, -places);
  }

  toString(): string {
    const neg = this.coef < 0n;
    let digits = (neg ? -this.coef : this.coef).toString();
    if (this.exp >= 0) return (neg ? '-' : '') + digits + '0'.repeat(this.exp);
    const p = -this.exp;
    if (digits.length <= p) digits = '0'.repeat(p - digits.length + 1) + digits;
    return (neg ? '-' : '') + digits.slice(0, digits.length - p) + '.' + digits.slice(digits.length - p);
  }

  toFloat(): number {
    return Number(this.toString());
  }
}
