// The iLO security dashboard of a simulated device. Each parameter watches one iLO setting the simulator keeps
// (or a fact of the board the driver cannot change), so its risk follows the setting the way iLO 5/6 report it;
// ids and names are those of an iLO 5 2.x dashboard (SecurityParams/0…10). `Ignore` is the user's choice,
// kept per parameter id: it never changes a parameter's status, only whether the risk counts overall.
import type { SecurityDashboard, SecurityParam } from '../driver.ts';

type Sections = Record<string, unknown>;

/** What the board is, whatever the iLO settings: the factory state of a ProLiant as shipped. */
const BOARD = { securityOverrideSwitch: false, secureBoot: false, defaultCertificateInUse: true, lastFirmwareScanOk: true };

interface Reading {
  state: SecurityParam['state'];
  risk: boolean;
}

interface Watch {
  id: string;
  name: string;
  description: string;
  recommendedAction: string;
  read(settings: Sections): Reading;
}

function member(settings: Sections, section: string, key: string): unknown {
  const s = settings[section];
  return s !== null && typeof s === 'object' ? (s as Record<string, unknown>)[key] : undefined;
}

const enabled = (on: boolean, riskWhenOn: boolean): Reading => ({ state: on ? 'Enabled' : 'Disabled', risk: on === riskWhenOn });

const WATCHES: readonly Watch[] = [
  {
    id: '0',
    name: 'Security Override Switch',
    description: 'The system maintenance switch bypasses iLO security while it is on.',
    recommendedAction: 'Set the security override switch to off.',
    read: () => ({ state: BOARD.securityOverrideSwitch ? 'On' : 'Off', risk: BOARD.securityOverrideSwitch }),
  },
  {
    id: '1',
    name: 'IPMI/DCMI Over LAN',
    description: 'IPMI/DCMI over LAN is enabled, which exposes a weakly authenticated protocol on the network.',
    recommendedAction: 'Disable IPMI/DCMI over LAN.',
    read: (s) => enabled((member(s, 'NetworkProtocol', 'IPMI') as { ProtocolEnabled?: unknown } | undefined)?.ProtocolEnabled === true, true),
  },
  {
    id: '2',
    name: 'Minimum Password Length',
    description: 'The minimum password length is below the recommended eight characters.',
    recommendedAction: 'Set the minimum password length to at least 8.',
    read: (s) => {
      const length = Number(member(s, 'AccountService', 'MinPasswordLength') ?? 8);
      return length < 8 ? { state: 'Insufficient', risk: true } : { state: 'Ok', risk: false };
    },
  },
  {
    id: '3',
    name: 'Require Login for iLO RBSU',
    description: 'The iLO configuration utility can be used from the host console without logging in.',
    recommendedAction: 'Enable Require Login for iLO RBSU.',
    read: (s) => enabled(member(s, '1', 'RequiredLoginForiLORBSU') === true, false),
  },
  {
    id: '4',
    name: 'Authentication Failure Logging',
    description: 'Failed iLO logins are not logged.',
    recommendedAction: 'Enable authentication failure logging.',
    read: (s) => enabled(Number(member(s, 'AccountService', 'AuthFailureLoggingThreshold') ?? 0) > 0, false),
  },
  {
    id: '5',
    name: 'Secure Boot',
    description: 'UEFI Secure Boot is disabled, so boot loaders and option ROMs are not checked for trusted signatures.',
    recommendedAction: 'Enable Secure Boot in the UEFI System Utilities.',
    read: () => enabled(BOARD.secureBoot, false),
  },
  {
    id: '6',
    name: 'Password Complexity',
    description: 'iLO accepts passwords without complexity rules.',
    recommendedAction: 'Enable password complexity.',
    read: (s) => enabled(member(s, 'AccountService', 'EnforcePasswordComplexity') === true, false),
  },
  {
    // iLO reports this one as Ok either way outside the high security states.
    id: '7',
    name: 'Require Host Authentication',
    description: 'Host-based utilities must authenticate to iLO when enabled.',
    recommendedAction: '',
    read: (s) => ({ state: member(s, '1', 'RequireHostAuthentication') === true ? 'Enabled' : 'Disabled', risk: false }),
  },
  {
    id: '8',
    name: 'SNMPv1',
    description: 'SNMPv1 is enabled; it sends community strings in clear text.',
    recommendedAction: 'Disable SNMPv1 requests and traps.',
    read: (s) => enabled(member(s, 'SnmpService', 'SNMPv1RequestsEnabled') === true || member(s, 'SnmpService', 'SNMPv1TrapEnabled') === true, true),
  },
  {
    id: '9',
    name: 'Default SSL Certificate In Use',
    description: 'iLO still uses its factory self-signed certificate.',
    recommendedAction: 'Import a certificate signed by a trusted certificate authority.',
    read: () => ({ state: BOARD.defaultCertificateInUse ? 'True' : 'False', risk: BOARD.defaultCertificateInUse }),
  },
  {
    id: '10',
    name: 'Last Firmware Scan Result',
    description: 'Result of the last firmware integrity scan.',
    recommendedAction: 'Recover the firmware that failed the integrity scan.',
    read: () => ({ state: BOARD.lastFirmwareScanOk ? 'Ok' : 'Failed', risk: !BOARD.lastFirmwareScanOk }),
  },
];

/** The id of the dashboard parameter with this name (names compared without case, as tools spell them variously). */
export function securityParamId(name: string): string | undefined {
  const wanted = name.toLowerCase();
  return WATCHES.find((w) => w.name.toLowerCase() === wanted)?.id;
}

export function isSecurityParamId(id: string): boolean {
  return WATCHES.some((w) => w.id === id);
}

/** The dashboard as the iLO reports it for these settings and ignored parameter ids. */
export function securityDashboard(settings: Sections, ignored: ReadonlySet<string>): SecurityDashboard {
  const params = WATCHES.map((w): SecurityParam => {
    const { state, risk } = w.read(settings);
    return {
      id: w.id,
      name: w.name,
      securityStatus: risk ? 'Risk' : 'Ok',
      state,
      ignore: ignored.has(w.id),
      // The iLO explains a parameter and what to do only while it is at risk.
      description: risk ? w.description : '',
      recommendedAction: risk ? w.recommendedAction : '',
    };
  });
  const risks = params.filter((p) => p.securityStatus === 'Risk');
  const overallSecurityStatus = risks.some((p) => !p.ignore) ? 'Risk' : risks.length ? 'Ignored' : 'Ok';
  return { overallSecurityStatus, params };
}
