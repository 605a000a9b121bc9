// The Gen12 SPP line: HPE's release versions and dates since the Gen12 launch, and what each release ships for
// the components Gen12 servers report (iLO 7, System ROM, platform firmware, MR controller, adapters, power
// supplies).
import { componentLine, iloLine, romLine, type GenerationLine } from './lines.ts';

const WINDOWS = ['Microsoft Windows Server 2025', 'Microsoft Windows Server 2022'];
const LINUX = ['Red Hat Enterprise Linux 9', 'SUSE Linux Enterprise Server 15'];

export const GEN12_LINE: GenerationLine = {
  generation: 12,
  label: 'Gen12',
  releases: [
    { releaseVersion: '2025.01.00.00', date: '2025-02-11', os: [...WINDOWS, ...LINUX, 'VMware ESXi 8.0'], osAdded: ['Microsoft Windows Server 2025', 'Red Hat Enterprise Linux 9.5', 'SUSE Linux Enterprise Server 15 SP6', 'VMware ESXi 8.0 U3'] },
    { releaseVersion: '2025.05.00.00', date: '2025-05-27', os: [...WINDOWS, 'Red Hat Enterprise Linux 10', ...LINUX, 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 10.0', 'Red Hat Enterprise Linux 9.6'] },
    { releaseVersion: '2025.07.00.00', date: '2025-07-01', os: [...WINDOWS, 'Red Hat Enterprise Linux 10', ...LINUX, 'VMware ESXi 8.0', 'VMware ESXi 9.0'], osAdded: ['SUSE Linux Enterprise Server 15 SP7', 'VMware ESXi 9.0'] },
    { releaseVersion: '2025.11.00.00', date: '2025-11-18', os: [...WINDOWS, 'Red Hat Enterprise Linux 10', ...LINUX, 'VMware ESXi 8.0', 'VMware ESXi 9.0'], osAdded: ['Red Hat Enterprise Linux 10.1', 'Red Hat Enterprise Linux 9.7'] },
    { releaseVersion: '2026.03.00.00', date: '2026-03-30', os: [...WINDOWS, 'Red Hat Enterprise Linux 10', ...LINUX, 'SUSE Linux Enterprise Server 16', 'VMware ESXi 8.0', 'VMware ESXi 9.0'], osAdded: ['SUSE Linux Enterprise Server 16.0', 'VMware ESXi 9.0 U1'] },
  ],
  components: [
    iloLine(7, ['1.10 Jan 30 2025', '1.12 May 14 2025', '1.14 Jun 19 2025', '1.16 Oct 09 2025', '1.20 Mar 05 2026']),
    romLine('U68', 'ProLiant DL360 Gen12/DL380 Gen12', ['1.04 (01/16/2025)', '1.20 (05/22/2025)', '1.30 (06/19/2025)', '1.40 (09/25/2025)', '1.50 (02/19/2026)']),
    componentLine('Intelligent Platform Abstraction Data', 'SYSTEM_BOARD', 'System Board', 'HPE Intelligent Platform Abstraction Data (IPAD) for Gen12 servers', 'IPAD_Gen12_', ['14.2.0 Build 18', '14.6.0 Build 3', '14.6.0 Build 3', '14.8.0 Build 11', '15.0.0 Build 6']),
    componentLine('System Programmable Logic Device', 'SYSTEM_BOARD', 'System Board', 'Online Firmware Flash for the System Programmable Logic Device of Gen12 servers', 'CPLD_Gen12_', ['0x0F', '0x0F', '0x11', '0x11', '0x12']),
    componentLine('Power Management Controller Firmware', 'SYSTEM_BOARD', 'System Board', 'Power Management Controller (PMC) Firmware Package for Gen12 servers', 'PICFW_Gen12_', ['1.0.10', '1.0.11', '1.0.11', '1.0.12', '1.0.12']),
    componentLine('Server Platform Services (SPS) Firmware', 'SYSTEM_BOARD', 'System Board', 'Server Platform Services (SPS) Firmware for Gen12 servers', 'SPSGen12_', ['6.1.4.47', '6.1.4.72', '6.1.4.72', '6.1.4.90', '6.1.5.12']),
    componentLine('Innovation Engine (IE) Firmware', 'SYSTEM_BOARD', 'System Board', 'Innovation Engine (IE) Firmware for Gen12 servers', 'IEGen12_', ['1.6.12.0', '1.7.4.0', '1.7.4.0', '1.7.8.0', '1.8.2.0']),
    componentLine('HPE MR408i-o Gen11', 'STORAGE_CONTROLLERS', 'Storage Controller', 'Online ROM Flash Component - HPE MR408i-o, MR408i-p, MR216i-o, MR216i-p Gen11 Tri-Mode Controllers', 'HPE_MR_Gen11_', ['52.26.3-5200', '52.30.3-5578', '52.32.3-5711', '52.34.3-5820', '52.36.3-5942']),
    componentLine('HPE NS204i-u Gen11 NVMe Hot Plug Boot Optimized Storage Device', 'STORAGE_CONTROLLERS', 'Storage Controller', 'Online Firmware Flash for HPE NS204i Gen11 NVMe Boot Optimized Storage Devices', 'HPE_NS204i_Gen11_', ['1.2.14.1018', '1.2.14.1021', '1.2.14.1021', '1.2.14.1024', '1.2.14.1027']),
    componentLine('HPE 1.92TB NVMe Gen4 Mainstream Performance Read Intensive SFF BC U.3 Static Multi Vendor SSD', 'STORAGE_DRIVES', 'Drive Bay', 'Online Firmware Flash for NVMe Solid State Drives - VO001920KYDMT', 'SSD_VO001920KYDMT_', ['HPK4', 'HPK4', 'HPK5', 'HPK5', 'HPK6']),
    componentLine('HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter', 'NETWORKING_ADAPTERS', 'PCI-E Adapter', 'HPE Firmware Flash for Mellanox ConnectX-4 Lx Ethernet 10/25Gb 2-port 640SFP28 Adapter', 'MLX_640SFP28_', ['1.20.0', '1.33.4', '1.35.2', '1.36.0', '1.37.4']),
    componentLine('HPE Ethernet 100Gb 2-port QSFP56 PCIe4 x16 MCX623106AS-CDAT Adapter', 'NETWORKING_ADAPTERS', 'PCI-E Adapter', 'Mellanox MCX623106AS-CDAT Online Firmware Upgrade Utility', 'MLX_MCX623106AS-CDAT_', ['22.41.1000', '22.43.2026', '22.44.1036', '22.45.1020', '22.46.3048']),
    componentLine('Power Supply Firmware', 'POWER_SUPPLIES', 'Power Supply Bay', 'Online Firmware Flash for HPE Flex Slot Power Supplies', 'PS_Gen12_', ['1.00.4', '1.00.9', '1.00.10', '1.00.11', '1.00.12']),
  ],
  fixes: [],
};
