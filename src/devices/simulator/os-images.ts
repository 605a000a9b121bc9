// What a simulated installer makes of an OS image: the BMC only has a URL, so the simulator reads the image's
// file name the way vendors name their ISOs (VMware-VMvisor-Installer-8.0U2-22380479.x86_64.iso,
// rhel-9.4-x86_64-dvd.iso, SLE-15-SP6-Full-x86_64-GM-Media1.iso, ubuntu-22.04.4-live-server-amd64.iso,
// 20348.169.210806-2348.fe_release_svc_refresh_SERVER_EVAL_x64FRE_en-us.iso). Names and AMS OS types match
// the fleet's host OS facts (src/fleet/catalog.ts), so an installed server looks like a generated one.
import type { HostOs } from '../driver.ts';

/** The OS an installer image puts on the disk, and how long it takes (simulated ms), before the hostname is known. */
export interface OsImage {
  os: Omit<HostOs, 'hostname'>;
  family: 'esxi' | 'rhel' | 'sles' | 'ubuntu' | 'windows';
  installMs: number;
}

const MIN = 60_000;

const WINDOWS_BUILDS: Record<string, string> = { '2016': '10.0.14393', '2019': '10.0.17763', '2022': '10.0.20348', '2025': '10.0.26100' };
const WINDOWS_YEARS: Record<string, string> = { '14393': '2016', '17763': '2019', '20348': '2022', '26100': '2025' };
const RHEL_CODENAMES: Record<string, string> = { '8': 'Ootpa', '9': 'Plow', '10': 'Coughlan' };

function esxi(name: string): OsImage {
  const v = /(\d)\.(\d)(?:u(\d)|\.(\d))?/.exec(name);
  const version = v ? `${v[1]}.${v[2]}.${v[3] ?? v[4] ?? '0'}` : '8.0.2';
  const build = /-(\d{7,8})\b/.exec(name)?.[1];
  return { family: 'esxi', installMs: 12 * MIN, os: { osName: 'VMware ESXi', osVersion: version, osDescription: `VMware ESXi ${version}${build ? ` build-${build}` : ''}`, osType: 33 } };
}

function rhel(name: string): OsImage {
  const v = /(\d{1,2})\.(\d{1,2})/.exec(name);
  const version = v ? `${v[1]}.${v[2]}` : '9.4';
  const codename = RHEL_CODENAMES[version.split('.')[0]!];
  return { family: 'rhel', installMs: 25 * MIN, os: { osName: 'Red Hat Enterprise Linux', osVersion: version, osDescription: `Red Hat Enterprise Linux ${version}${codename ? ` (${codename})` : ''}`, osType: 16 } };
}

function sles(name: string): OsImage {
  const v = /(\d{2})[-_.]?sp(\d)/.exec(name);
  const version = v ? `${v[1]} SP${v[2]}` : (/(\d{2})/.exec(name)?.[1] ?? '15 SP6');
  return { family: 'sles', installMs: 30 * MIN, os: { osName: 'SUSE Linux Enterprise Server', osVersion: version, osDescription: `SUSE Linux Enterprise Server ${version}`, osType: 17 } };
}

function ubuntu(name: string): OsImage {
  const v = /(\d{2})\.(\d{2})(?:\.(\d))?/.exec(name);
  const version = v ? `${v[1]}.${v[2]}` : '22.04';
  const lts = v ? Number(v[1]) % 2 === 0 && v[2] === '04' : true;
  const point = v?.[3] ? `.${v[3]}` : '';
  return { family: 'ubuntu', installMs: 20 * MIN, os: { osName: 'Ubuntu', osVersion: version, osDescription: `Ubuntu ${version}${point}${lts ? ' LTS' : ''}`, osType: 36 } };
}

function windows(name: string): OsImage {
  const year = /20(16|19|22|25)/.exec(name)?.[0] ?? WINDOWS_YEARS[/\b(14393|17763|20348|26100)\b/.exec(name)?.[1] ?? ''] ?? '2022';
  const osName = `Microsoft Windows Server ${year} ${/datacenter/.test(name) ? 'Datacenter' : 'Standard'}`;
  return { family: 'windows', installMs: 45 * MIN, os: { osName, osVersion: WINDOWS_BUILDS[year]!, osDescription: osName, osType: 35 } };
}

const FAMILIES: readonly [RegExp, (name: string) => OsImage][] = [
  [/vmware|esxi|vmvisor/, esxi],
  [/rhel|redhat|red-hat/, rhel],
  [/\bsle|sles|suse/, sles],
  [/ubuntu/, ubuntu],
  [/windows|win20|server_eval|x64fre|_server_/, windows],
];

/** The installer an image holds, or undefined when it is not a bootable OS installer (a driver ISO, an answer file…). */
export function identifyOsImage(url: string): OsImage | undefined {
  const file = (URL.canParse(url) ? new URL(url).pathname : url).split('/').at(-1)?.toLowerCase() ?? '';
  if (!/\.(iso|img)$/.test(file)) return undefined;
  for (const [pattern, read] of FAMILIES) if (pattern.test(file)) return read(file);
  return undefined;
}

/** The hostname an installer leaves when the answer file names none: the one the server had, else the installer's default. */
export function installedHostname(image: OsImage, previous: string | null, serverId: string): string {
  if (previous) return previous;
  if (image.family === 'windows') {
    let h = 0;
    for (const c of serverId) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
    return `WIN-${h.toString(36).toUpperCase().padStart(7, '0').slice(0, 7)}`;
  }
  return image.family === 'esxi' ? 'localhost' : 'localhost.localdomain';
}
