// The engine on both databases: steps run under leases, outcomes and their writes commit together, a job
// is RUNNING before it ends, a dead worker's job is taken over, and a job that keeps killing its workers stalls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedServers } from '../../test/helpers/fleet.ts';
import { openEngine } from '../../test/helpers/job-engine.ts';
import { openTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { findServer } from '../resources/servers/repository.ts';
import { registerExecutor } from './executors/index.ts';
import { end, wait } from './executor.ts';
import { findJob } from './repository.ts';
import { submitJob } from './submit.ts';
import { TEMPLATE_IDS } from './templates.ts';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
});
afterEach(async () => t.close());

async function submit(templateId: string, serverId: string, params: Record<string, unknown> = {}) {
  return t.store.transaction((tx) =>
    submitJob(tx, { workspaceId: t.workspaces.A, templateId, resource: { type: 'server', id: serverId }, params, createdBy: t.callers.adminA.userId }),
  );
}

describe('job engine', () => {
  it('powers a server on: PENDING, then RUNNING after the first step, then COMPLETE with the server ON in the store', async () => {
    const [server] = await seedServers(t.store, t.workspaces.A, 1, { overrides: () => ({ powerState: 'OFF', connected: true }) });
    const job = await submit(TEMPLATE_IDS.powerOn, server!.id);
    expect(job.state).toBe('PENDING');
    const { engine } = openEngine(t.store);

    const claimed = await engine.claim(10);
    expect(claimed.map((j) => j.id)).toEqual([job.id]);
    await engine.runStep(claimed[0]!);
    const running = await findJob(t.store, t.workspaces.A, job.id);
    expect(running).toMatchObject({ state: 'RUNNING', resultCode: null, generation: 2 });
    expect(running!.startedAt).not.toBeNull();
    expect(running!.run.leaseOwner).toBeNull();

    await engine.runUntilIdle();
    const done = await findJob(t.store, t.workspaces.A, job.id);
    expect(done).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS', status: 'Complete' });
    expect(done!.endedAt).not.toBeNull();
    expect((await findServer(t.store, t.workspaces.A, server!.id))!.hardware.powerState).toBe('ON');
  });

  it('ends with ERROR and a reason when the BMC does not answer', async () => {
    const [server] = await seedServers(t.store, t.workspaces.A, 1, { overrides: () => ({ powerState: 'OFF', connected: true }) });
    const job = await submit(TEMPLATE_IDS.powerOn, server!.id);
    const { engine, driver } = openEngine(t.store);
    await driver.setFault({ workspaceId: t.workspaces.A, serverId: server!.id }, 'unreachable', true);
    await engine.runUntilIdle();
    const done = await findJob(t.store, t.workspaces.A, job.id);
    expect(done).toMatchObject({ state: 'ERROR', resultCode: 'FAILURE' });
    expect(done!.data['state_reason_message']).toMatchObject({ message_id: 'SRV-101' });
    expect(done!.status).toMatch(/^JobErrorException : Power on failed/);
  });

  it('queues a second job on the same server until the first has ended', async () => {
    const [server] = await seedServers(t.store, t.workspaces.A, 1, { overrides: () => ({ powerState: 'OFF', connected: true }) });
    const first = await submit(TEMPLATE_IDS.powerOn, server!.id);
    // Real time: after its first step the power-on waits 15 simulated (= real) seconds before looking again.
    const slow = openEngine(t.store, { timeFactor: 1 });
    await slow.engine.runStep((await slow.engine.claim(10))[0]!);
    const second = await submit(TEMPLATE_IDS.powerOff, server!.id);
    expect(await slow.engine.claim(10)).toEqual([]); // first is not due yet; second waits behind it
    // Time passes: the first job's next look is due now.
    await t.store.run('UPDATE jobs SET run_after = ? WHERE id = ?', [new Date(Date.now() - 1000).toISOString().replace('Z', '000Z'), first.id]);
    const fast = openEngine(t.store);
    await fast.engine.runUntilIdle();
    const on = await findJob(t.store, t.workspaces.A, first.id);
    expect(on).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS' });
    const off = await findJob(t.store, t.workspaces.A, second.id);
    expect(off).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS' });
    expect(off!.startedAt! >= on!.endedAt!).toBe(true);
    expect((await findServer(t.store, t.workspaces.A, server!.id))!.hardware.powerState).toBe('OFF');
  });

  it('takes over a job whose worker died mid-step once its lease ran out, and counts the recovery', async () => {
    const [server] = await seedServers(t.store, t.workspaces.A, 1, { overrides: () => ({ powerState: 'OFF', connected: true }) });
    const job = await submit(TEMPLATE_IDS.powerOn, server!.id);
    const dead = openEngine(t.store, { leaseMs: 100 });
    expect(await dead.engine.claim(10)).toHaveLength(1); // claimed, then the worker "dies"
    const survivor = openEngine(t.store, { leaseMs: 100 });
    expect(await survivor.engine.claim(10)).toEqual([]); // lease still held
    await new Promise((r) => setTimeout(r, 150));
    await survivor.engine.runUntilIdle();
    const done = await findJob(t.store, t.workspaces.A, job.id);
    expect(done).toMatchObject({ state: 'COMPLETE', resultCode: 'SUCCESS' });
    expect(done!.run.recoveries).toBe(1);
  });

  it('a step saved by a worker that lost its lease is discarded', async () => {
    const [server] = await seedServers(t.store, t.workspaces.A, 1, { overrides: () => ({ powerState: 'OFF', connected: true }) });
    const job = await submit(TEMPLATE_IDS.powerOn, server!.id);
    const slow = openEngine(t.store, { leaseMs: 50 });
    const [claimed] = await slow.engine.claim(1);
    await new Promise((r) => setTimeout(r, 80));
    const fast = openEngine(t.store, { leaseMs: 10_000 });
    const [taken] = await fast.engine.claim(1);
    expect(taken!.id).toBe(job.id);
    await slow.engine.runStep(claimed!); // too late: the lease belongs to `fast` now
    expect((await findJob(t.store, t.workspaces.A, job.id))!.run.leaseOwner).toBe(fast.engine.workerId);
    await fast.engine.runStep(taken!);
    expect((await findJob(t.store, t.workspaces.A, job.id))!.state).toBe('RUNNING');
  });

  it('stalls a job whose workers keep dying, with a reason', async () => {
    const [server] = await seedServers(t.store, t.workspaces.A, 1);
    const job = await submit(TEMPLATE_IDS.powerOn, server!.id);
    for (let i = 0; i < 4; i++) {
      const dying = openEngine(t.store, { leaseMs: 10 });
      expect(await dying.engine.claim(1)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 20));
    }
    const last = openEngine(t.store, { leaseMs: 10, maxRecoveries: 3 });
    await last.engine.runUntilIdle();
    const stalled = await findJob(t.store, t.workspaces.A, job.id);
    expect(stalled).toMatchObject({ state: 'STALLED', resultCode: null });
    expect(stalled!.data['state_reason_message']).toMatchObject({ message_id: 'JOB-STALLED' });
  });

  it('commits a step outcome and its writes together: a failing write leaves the job as it was', async () => {
    const [server] = await seedServers(t.store, t.workspaces.A, 1);
    registerExecutor('UidIndicatorOff', {
      async step() {
        return end('COMPLETE', 'SUCCESS', 'Complete', {
          writes: async () => {
            throw new Error('disk full');
          },
        });
      },
    });
    try {
      const job = await submit('fd837434-a2f2-4bc8-b1b4-ec068bd036aa', server!.id);
      const { engine } = openEngine(t.store);
      const [claimed] = await engine.claim(1);
      await expect(engine.runStep(claimed!)).rejects.toThrow('disk full');
      const after = await findJob(t.store, t.workspaces.A, job.id);
      expect(after).toMatchObject({ state: 'PENDING', generation: 1 });
    } finally {
      const { uidOff } = await import('./executors/server-simple.ts');
      registerExecutor('UidIndicatorOff', uidOff);
    }
  });

  it('waits the simulated time a step asks for, scaled by the clock', async () => {
    const [server] = await seedServers(t.store, t.workspaces.A, 1);
    let steps = 0;
    registerExecutor('UidIndicatorOff', {
      async step({ job }) {
        steps++;
        return job.run.checkpoint['waited'] ? end('COMPLETE', 'SUCCESS', 'Complete') : wait({ waited: true }, 60 * 60_000);
      },
    });
    try {
      await submit('fd837434-a2f2-4bc8-b1b4-ec068bd036aa', server!.id);
      const { engine } = openEngine(t.store, { timeFactor: 60 }); // an hour takes a real minute
      await engine.runStep((await engine.claim(1))[0]!);
      expect(await engine.claim(1)).toEqual([]);
      expect(steps).toBe(1);
    } finally {
      const { uidOff } = await import('./executors/server-simple.ts');
      registerExecutor('UidIndicatorOff', uidOff);
    }
  });
});
