/**
 * getHostByName: Go's net.LookupHost and a random pick among the addresses. Template functions are
 * synchronous, so the lookup runs getaddrinfo in a child Node process (the system resolver, as Go's cgo
 * resolver uses). An unresolvable name panics in Sprig (`rand.Intn(0)`), and so does this.
 */
import { spawnSync } from 'node:child_process';
import { goFunc, type FuncMap } from '../template/value.js';
import { randomIntn } from './random.js';

const LOOKUP = "require('dns').lookup(process.argv[1],{all:true},(e,a)=>{process.stdout.write(JSON.stringify(e?[]:a.map(x=>x.address)))})";

export function lookupHost(name: string): string[] {
  const r = spawnSync(process.execPath, ['-e', LOOKUP, name], { encoding: 'utf8', timeout: 10_000 });
  try {
    return JSON.parse(r.stdout) as string[];
  } catch {
    return [];
  }
}

export const networkFuncs: FuncMap = {
  getHostByName: goFunc({ params: ['string'] }, (name: string) => {
    const addrs = lookupHost(name);
    return addrs[randomIntn(addrs.length)];
  }),
};
