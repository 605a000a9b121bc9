// The host side of a simulated server: its virtual media, its boot override, the OS on its disk and an
// installer booted from virtual media. A boot consumes a `Once` override; booting from an inserted CD runs
// the image's installer for as long as that OS takes (scaled by the clock), after which the installer
// reboots into the new OS. Interrupting an installer leaves a disk that no longer boots.
import { refused, ok, type BootOverride, type DeviceStatus, type HostOs, type HostState, type Outcome, type VirtualMediaSlot, type VirtualMediaState } from '../driver.ts';
import { identifyOsImage, installedHostname, type OsImage } from './os-images.ts';

interface Installer {
  image: string;
  startedAt: number;
  /** Simulated milliseconds the installation takes. */
  durationMs: number;
  /** Undefined when the image holds no installer: the boot stops with `failure`. */
  result: OsImage | undefined;
  failure: string | null;
}

export interface SimHostBoot {
  serverId: string;
  media: Record<VirtualMediaSlot, string | null>;
  bootOverride: BootOverride;
  /** What the disk boots into; null once an interrupted installation left it unbootable. */
  installed: HostOs | null;
  installer: Installer | null;
}

const NO_OVERRIDE: BootOverride = { target: 'None', enabled: 'Disabled' };

export function hostFromSeed(serverId: string, host: HostOs | null | undefined): SimHostBoot {
  return { serverId, media: { CD: null, USBStick: null }, bootOverride: { ...NO_OVERRIDE }, installed: host ? { ...host } : null, installer: null };
}

/**
 * Whether the BMC can fetch an image: http or https only (iLO virtual media scripting), and hosts under the
 * `.invalid` top-level domain never resolve (RFC 6761), which is how a fleet file or a test names a dead repository.
 */
function unreachable(imageUrl: string): string | undefined {
  if (!URL.canParse(imageUrl)) return `The image URL ${imageUrl} is not a valid URL`;
  const url = new URL(imageUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The iLO mounts images over http or https only, not ${url.protocol.slice(0, -1)}`;
  if (url.hostname === 'invalid' || url.hostname.endsWith('.invalid')) return `Unable to connect to ${url.host}: the virtual media image cannot be read`;
  return undefined;
}

export function readMedia(host: SimHostBoot): VirtualMediaState[] {
  return (['USBStick', 'CD'] as const).map((slot) => ({ slot, image: host.media[slot], inserted: host.media[slot] !== null }));
}

export function insertMedia(host: SimHostBoot, slot: VirtualMediaSlot, imageUrl: string): Outcome<void> {
  const current = host.media[slot];
  if (current === imageUrl) return ok(undefined);
  if (current !== null) return refused('REFUSED', `Virtual media ${slot} already holds ${current}; eject it first`);
  const why = unreachable(imageUrl);
  if (why) return refused('REFUSED', why);
  host.media[slot] = imageUrl;
  return ok(undefined);
}

export function ejectMedia(host: SimHostBoot, slot: VirtualMediaSlot): void {
  host.media[slot] = null;
}

export function setOverride(host: SimHostBoot, override: BootOverride): Outcome<void> {
  if (override.enabled !== 'Disabled' && override.target === 'None') return refused('REFUSED', 'BootSourceOverrideTarget None cannot be enabled');
  host.bootOverride = override.enabled === 'Disabled' ? { ...NO_OVERRIDE } : { ...override };
  return ok(undefined);
}

/** A boot: consumes a one-time override, and starts the CD's installer when it boots from one. */
export function bootHost(host: SimHostBoot, now: number, factor: number, slow: boolean): void {
  settleInstaller(host, now, factor);
  if (host.installer?.result) host.installed = null; // interrupted half way: the disk is half written
  host.installer = null;
  const { target, enabled } = host.bootOverride;
  if (enabled === 'Once') host.bootOverride = { ...NO_OVERRIDE };
  const image = target === 'Cd' && enabled !== 'Disabled' ? host.media.CD : null;
  if (!image) return;
  const result = identifyOsImage(image);
  host.installer = {
    image,
    startedAt: now,
    durationMs: (result?.installMs ?? 0) * (slow ? 5 : 1),
    result,
    failure: result ? null : `No operating system installer found on ${image}: the image is not bootable`,
  };
}

function installerDone(installer: Installer, now: number, factor: number): boolean {
  return (now - installer.startedAt) * factor >= installer.durationMs;
}

/** A finished installer has written the disk and rebooted into the new OS. */
function settleInstaller(host: SimHostBoot, now: number, factor: number): void {
  const installer = host.installer;
  if (!installer?.result || !installerDone(installer, now, factor)) return;
  const { os } = installer.result;
  host.installed = { ...os, hostname: installedHostname(installer.result, host.installed?.hostname ?? null, host.serverId) };
  host.installer = null;
}

export function readHostState(host: SimHostBoot, power: DeviceStatus['powerState'], now: number, factor: number): HostState {
  const base = { bootOverride: { ...host.bootOverride }, os: null, message: null };
  if (power === 'OFF' || power === 'POWERING_OFF' || power === 'UNKNOWN') return { ...base, activity: 'Off' };
  if (power === 'POWERING_ON' || power === 'RESET') return { ...base, activity: 'POST' };
  settleInstaller(host, now, factor);
  const installer = host.installer;
  if (installer?.failure) return { ...base, activity: 'InstallFailed', message: installer.failure };
  if (installer) return { ...base, activity: 'Installing', message: `Installing ${installer.result!.os.osDescription} from ${installer.image}` };
  if (!host.installed) return { ...base, activity: 'NoBootableDevice', message: 'No bootable device was found' };
  return { ...base, activity: 'OSRunning', os: { ...host.installed } };
}
