import type { HelmSettings } from '../home/index.js';
import type { GetReleaseStatusResponse, GetReleaseContentResponse, Release } from '../proto/index.js';
import { withTiller } from './tiller-connection.js';

export async function releaseStatus(name: string, revision: number, settings: HelmSettings): Promise<GetReleaseStatusResponse> {
  return withTiller(settings, ({ client }) => client.getReleaseStatus({ name, version: revision }));
}

export async function releaseContent(name: string, revision: number, settings: HelmSettings): Promise<GetReleaseContentResponse> {
  return withTiller(settings, ({ client }) => client.getReleaseContent({ name, version: revision }));
}

export async function releaseHistory(name: string, max: number, settings: HelmSettings): Promise<Release[]> {
  return withTiller(settings, async ({ client }) => (await client.getHistory({ name, max })).releases ?? []);
}
