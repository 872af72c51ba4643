import type { ApiHarness } from './api-harness.js';

/** Builds the situation a test needs through the public API, as a client would. */
export class Fixtures {
  constructor(private readonly api: ApiHarness) {}

  async party(name: string, kind = 'belligerent'): Promise<string> {
    return this.created('/api/v1/parties', { name, kind });
  }

  async location(name: string, lat = 47.098, lon = 37.61): Promise<string> {
    return this.created('/api/v1/locations', { name, lat, lon });
  }

  /** Azovstal in May 2022: announced by the Russian MoD, needing Ukraine's confirmation. */
  async azovstal(): Promise<{
    ruMod: string;
    uaGov: string;
    un: string;
    azovstal: string;
    zaporizhzhia: string;
  }> {
    return {
      ruMod: await this.party('Ministry of Defence of the Russian Federation'),
      uaGov: await this.party('Government of Ukraine'),
      un: await this.party('United Nations OCHA', 'humanitarian'),
      azovstal: await this.location('Azovstal Iron and Steel Works'),
      zaporizhzhia: await this.location('Zaporizhzhia', 47.838, 35.139),
    };
  }

  async corridor(body: Record<string, unknown>): Promise<{ id: string; body: Record<string, unknown> }> {
    const response = await this.api.http.post('/api/v1/corridors').set(this.api.auth).send(body);
    if (response.status !== 201)
      throw new Error(`corridor not created: ${response.status} ${JSON.stringify(response.body)}`);
    return { id: response.body.id as string, body: response.body as Record<string, unknown> };
  }

  /** Posts a report on a corridor (confirmations, evacuations, remaining, incidents) and returns the stored answer. */
  async report(
    corridorId: string,
    kind: string,
    body: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const response = await this.api.http
      .post(`/api/v1/corridors/${corridorId}/${kind}`)
      .set(this.api.auth)
      .send(body);
    if (response.status !== 201)
      throw new Error(`${kind} not stored: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  }

  private async created(path: string, body: Record<string, unknown>): Promise<string> {
    const response = await this.api.http.post(path).set(this.api.auth).send(body);
    if (response.status !== 201)
      throw new Error(`${path} not created: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }
}
