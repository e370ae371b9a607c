import { GoStruct, type GoMap } from '../template/value.js';

/** `.Release.Time` as Helm v2 has it: a *google.protobuf.Timestamp, printing `seconds:N nanos:M`. */
export class Timestamp extends GoStruct {
  readonly goType = '*timestamp.Timestamp';
  readonly Seconds: bigint;
  readonly Nanos: bigint;
  constructor(date: Date) {
    super();
    const ms = date.getTime();
    this.Seconds = BigInt(Math.floor(ms / 1000));
    this.Nanos = BigInt((ms % 1000) * 1_000_000);
  }
  String(): string {
    return this.Nanos === 0n ? `seconds:${this.Seconds}` : `seconds:${this.Seconds} nanos:${this.Nanos}`;
  }
}
(Timestamp as unknown as { signatures: Record<string, { params: string[] }> }).signatures = { String: { params: [] } };

export interface ReleaseOptions {
  name: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  time?: Date;
  /** `.Release.Service`: Helm v2's tiller sets `Tiller`. */
  service?: string;
}

/** `.Release`: a map, as in Helm 2 and 3. */
export function releaseInfo(o: ReleaseOptions): GoMap {
  return {
    Name: o.name,
    Namespace: o.namespace,
    Revision: BigInt(o.revision),
    IsUpgrade: o.isUpgrade,
    IsInstall: !o.isUpgrade,
    Service: o.service ?? 'Tiller',
    Time: new Timestamp(o.time ?? new Date()),
  };
}
