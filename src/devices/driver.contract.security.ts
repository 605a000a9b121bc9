// The DeviceDriver contract for the iLO security dashboard and the server's SAN connections: a parameter's risk
// follows the iLO setting it watches, Ignore is kept by the iLO and only changes what counts overall, and
// external storage is either none or volumes presented to the server's initiators.
import { expect, it } from 'vitest';
import type { ContractHarness } from './driver.contract.ts';
import type { DeviceRef, SecurityDashboard } from './driver.ts';

async function dashboard(h: ContractHarness, device: DeviceRef): Promise<SecurityDashboard> {
  const read = await h.driver.readSecurityDashboard(device);
  expect(read.ok).toBe(true);
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

const param = (d: SecurityDashboard, name: string) => d.params.find((p) => p.name === name);

export function securityContract(make: () => Promise<ContractHarness>): void {
  it('reports the security dashboard, each risk following the iLO setting it watches', async () => {
    const h = await make();
    await h.driver.applyIloSettings(h.on, { AccountService: { MinPasswordLength: 6 }, NetworkProtocol: { IPMI: { Port: 623, ProtocolEnabled: true } }, 1: { RequiredLoginForiLORBSU: false } });
    const weak = await dashboard(h, h.on);
    expect(param(weak, 'Minimum Password Length')).toMatchObject({ securityStatus: 'Risk', state: 'Insufficient', recommendedAction: expect.stringMatching(/.+/) });
    expect(param(weak, 'IPMI/DCMI Over LAN')).toMatchObject({ securityStatus: 'Risk', state: 'Enabled' });
    expect(param(weak, 'Require Login for iLO RBSU')).toMatchObject({ securityStatus: 'Risk', state: 'Disabled' });
    expect(weak.overallSecurityStatus).toBe('Risk');
    for (const p of weak.params) expect(p).toMatchObject({ id: expect.stringMatching(/.+/), name: expect.stringMatching(/.+/), ignore: false });

    await h.driver.applyIloSettings(h.on, { AccountService: { MinPasswordLength: 12 }, NetworkProtocol: { IPMI: { Port: 623, ProtocolEnabled: false } }, 1: { RequiredLoginForiLORBSU: true } });
    const strong = await dashboard(h, h.on);
    expect(param(strong, 'Minimum Password Length')).toMatchObject({ securityStatus: 'Ok', state: 'Ok' });
    expect(param(strong, 'IPMI/DCMI Over LAN')).toMatchObject({ securityStatus: 'Ok', state: 'Disabled' });
    expect(param(strong, 'Require Login for iLO RBSU')).toMatchObject({ securityStatus: 'Ok', state: 'Enabled' });
    expect(strong.params.map((p) => p.id)).toEqual(weak.params.map((p) => p.id));
  });

  it('keeps Ignore per parameter: the risk stays, it no longer counts, and every risk ignored reads Ignored', async () => {
    const h = await make();
    const risks = (await dashboard(h, h.on)).params.filter((p) => p.securityStatus === 'Risk');
    expect(risks.length).toBeGreaterThan(0);
    for (const p of risks) expect((await h.driver.setSecurityParamIgnore(h.on, p.id, true)).ok).toBe(true);
    const ignored = await dashboard(h, h.on);
    expect(ignored.overallSecurityStatus).toBe('Ignored');
    for (const p of risks) expect(ignored.params.find((x) => x.id === p.id)).toMatchObject({ securityStatus: 'Risk', ignore: true });
    expect((await h.driver.setSecurityParamIgnore(h.on, risks[0]!.id, false)).ok).toBe(true);
    expect(await dashboard(h, h.on)).toMatchObject({ overallSecurityStatus: 'Risk' });
    expect((await dashboard(h, h.off)).params.every((p) => !p.ignore)).toBe(true);
    expect(await h.driver.setSecurityParamIgnore(h.on, 'no-such-parameter', true)).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
  });

  it('reports the SAN volumes a server sees through its initiators, or none', async () => {
    const h = await make();
    for (const device of [h.on, h.off]) {
      const read = await h.driver.readExternalStorage(device);
      expect(read.ok).toBe(true);
      if (!read.ok || read.value === null) continue;
      expect(read.value.hostName).toMatch(/.+/);
      expect(read.value.initiators.length).toBeGreaterThan(0);
      for (const i of read.value.initiators) expect(i.wwpn).toMatch(/^([0-9a-f]{2}:){7}[0-9a-f]{2}$/);
      expect(read.value.volumes.length).toBeGreaterThan(0);
      const luns = read.value.volumes.map((v) => v.lun);
      expect(new Set(luns).size).toBe(luns.length);
      for (const v of read.value.volumes) expect(v).toMatchObject({ lun: expect.any(Number), name: expect.stringMatching(/.+/), hostGroup: { id: expect.stringMatching(/.+/), name: expect.stringMatching(/.+/) } });
    }
  });

  it('answers UNREACHABLE for the dashboard, Ignore and external storage while the BMC does not answer', async () => {
    const h = await make();
    await h.fault(h.on, 'unreachable', true);
    expect(await h.driver.readSecurityDashboard(h.on)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
    expect(await h.driver.setSecurityParamIgnore(h.on, '0', true)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
    expect(await h.driver.readExternalStorage(h.on)).toMatchObject({ ok: false, reason: 'UNREACHABLE' });
  });
}
