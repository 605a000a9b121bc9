// The Gen11 SPP line: HPE's release versions and dates, and what each release ships for the components Gen11
// servers report (iLO 6, System ROMs of each BIOS family, platform firmware, MR controller, adapters, power
// supplies), plus the July 2025 patch.
import { componentLine, iloLine, romLine, type GenerationLine } from './lines.ts';

const WINDOWS = ['Microsoft Windows Server 2022', 'Microsoft Windows Server 2019'];
const LINUX = ['Red Hat Enterprise Linux 9', 'Red Hat Enterprise Linux 8', 'SUSE Linux Enterprise Server 15'];
const WINDOWS_2025 = ['Microsoft Windows Server 2025', ...WINDOWS];
const LINUX_10 = ['Red Hat Enterprise Linux 10', ...LINUX];

const INTEL_ROM = ['1.30 (01/12/2023)', '1.48 (08/30/2023)', '1.50 (11/16/2023)', '2.30 (06/20/2024)', '2.40 (12/12/2024)', '2.50 (03/27/2025)', '2.60 (06/05/2025)', '2.70 (09/25/2025)', '2.80 (02/19/2026)'];
const AMD_ROM = ['1.20 (01/12/2023)', '1.32 (08/24/2023)', '1.40 (10/26/2023)', '1.62 (06/12/2024)', '1.70 (12/12/2024)', '1.80 (03/27/2025)', '1.90 (06/05/2025)', '2.00 (09/25/2025)', '2.10 (02/19/2026)'];

export const GEN11_LINE: GenerationLine = {
  generation: 11,
  label: 'Gen11',
  releases: [
    { releaseVersion: '2023.03.00.00', date: '2023-03-21', os: [...WINDOWS, ...LINUX, 'VMware ESXi 7.0', 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 9.1', 'Red Hat Enterprise Linux 8.7', 'VMware ESXi 8.0'] },
    { releaseVersion: '2023.10.00.00', date: '2023-10-24', os: [...WINDOWS, ...LINUX, 'VMware ESXi 7.0', 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 9.2', 'Red Hat Enterprise Linux 8.8', 'SUSE Linux Enterprise Server 15 SP5', 'VMware ESXi 8.0 U2'] },
    { releaseVersion: '2024.04.00.00', date: '2024-04-23', os: [...WINDOWS, ...LINUX, 'VMware ESXi 7.0', 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 9.3', 'Red Hat Enterprise Linux 8.9'] },
    { releaseVersion: '2024.11.00.00', date: '2024-11-19', os: [...WINDOWS_2025, ...LINUX, 'VMware ESXi 8.0'], osAdded: ['Microsoft Windows Server 2025', 'Red Hat Enterprise Linux 9.4', 'SUSE Linux Enterprise Server 15 SP6', 'VMware ESXi 8.0 U3'] },
    { releaseVersion: '2025.01.00.00', date: '2025-01-28', os: [...WINDOWS_2025, ...LINUX, 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 9.5'] },
    { releaseVersion: '2025.05.00.00', date: '2025-05-27', os: [...WINDOWS_2025, ...LINUX_10, 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 10.0', 'Red Hat Enterprise Linux 9.6'] },
    { releaseVersion: '2025.07.00.00', date: '2025-07-01', os: [...WINDOWS_2025, ...LINUX_10, 'VMware ESXi 8.0', 'VMware ESXi 9.0'], osAdded: ['SUSE Linux Enterprise Server 15 SP7', 'VMware ESXi 9.0'] },
    { releaseVersion: '2025.11.00.00', date: '2025-11-18', os: [...WINDOWS_2025, ...LINUX_10, 'VMware ESXi 8.0', 'VMware ESXi 9.0'], osAdded: ['Red Hat Enterprise Linux 10.1', 'Red Hat Enterprise Linux 9.7'] },
    { releaseVersion: '2026.03.00.00', date: '2026-03-30', os: [...WINDOWS_2025, ...LINUX_10, 'SUSE Linux Enterprise Server 16', 'VMware ESXi 8.0', 'VMware ESXi 9.0'], osAdded: ['SUSE Linux Enterprise Server 16.0', 'VMware ESXi 9.0 U1'] },
  ],
  components: [
    iloLine(6, ['1.30 Feb 02 2023', '1.53 Sep 28 2023', '1.56 Feb 02 2024', '1.64 Oct 02 2024', '1.66 Jan 15 2025', '1.68 Apr 10 2025', '1.70 Jun 12 2025', '1.72 Oct 09 2025', '1.74 Mar 05 2026']),
    romLine('U54', 'ProLiant DL380 Gen11', INTEL_ROM),
    romLine('U63', 'ProLiant DL360 Gen11', INTEL_ROM),
    romLine('U65', 'ProLiant ML350 Gen11', INTEL_ROM),
    romLine('I62', 'Synergy 480 Gen11 Compute Module', INTEL_ROM),
    romLine('A55', 'ProLiant DL385 Gen11', AMD_ROM),
    componentLine('Intelligent Platform Abstraction Data', 'SYSTEM_BOARD', 'System Board', 'HPE Intelligent Platform Abstraction Data (IPAD) for Gen11 servers', 'IPAD_Gen11_', ['13.0.0 Build 25', '13.4.0 Build 12', '14.2.0 Build 18', '14.2.0 Build 18', '14.4.0 Build 9', '14.6.0 Build 3', '14.6.0 Build 3', '14.8.0 Build 11', '15.0.0 Build 6']),
    componentLine('System Programmable Logic Device', 'SYSTEM_BOARD', 'System Board', 'Online Firmware Flash for the System Programmable Logic Device of Gen11 servers', 'CPLD_Gen11_', ['0x0C', '0x0E', '0x0F', '0x0F', '0x0F', '0x0F', '0x11', '0x11', '0x12']),
    componentLine('Power Management Controller Firmware', 'SYSTEM_BOARD', 'System Board', 'Power Management Controller (PMC) Firmware Package for Gen11 servers', 'PICFW_Gen11_', ['1.0.6', '1.0.9', '1.0.10', '1.0.10', '1.0.10', '1.0.11', '1.0.11', '1.0.12', '1.0.12']),
    componentLine('Server Platform Services (SPS) Firmware', 'SYSTEM_BOARD', 'System Board', 'Server Platform Services (SPS) Firmware for Gen11 servers', 'SPSGen11_', ['6.0.4.58', '6.1.4.20', '6.1.4.47', '6.1.4.47', '6.1.4.47', '6.1.4.72', '6.1.4.72', '6.1.4.90', '6.1.5.12']),
    componentLine('Innovation Engine (IE) Firmware', 'SYSTEM_BOARD', 'System Board', 'Innovation Engine (IE) Firmware for Gen11 servers', 'IEGen11_', ['1.4.8.0', '1.5.10.0', '1.6.12.0', '1.6.12.0', '1.6.12.0', '1.7.4.0', '1.7.4.0', '1.7.8.0', '1.8.2.0']),
    componentLine('HPE MR408i-o Gen11', 'STORAGE_CONTROLLERS', 'Storage Controller', 'Online ROM Flash Component - HPE MR408i-o, MR408i-p, MR216i-o, MR216i-p Gen11 Tri-Mode Controllers', 'HPE_MR_Gen11_', ['52.22.3-4650', '52.24.3-4948', '52.26.3-5200', '52.26.3-5250', '52.26.3-5379', '52.30.3-5578', '52.32.3-5711', '52.34.3-5820', '52.36.3-5942']),
    componentLine('HPE NS204i-u Gen11 NVMe Hot Plug Boot Optimized Storage Device', 'STORAGE_CONTROLLERS', 'Storage Controller', 'Online Firmware Flash for HPE NS204i Gen11 NVMe Boot Optimized Storage Devices', 'HPE_NS204i_Gen11_', ['1.2.14.1004', '1.2.14.1009', '1.2.14.1013', '1.2.14.1018', '1.2.14.1018', '1.2.14.1021', '1.2.14.1021', '1.2.14.1024', '1.2.14.1027']),
    componentLine('HPE 1.92TB NVMe Gen4 Mainstream Performance Read Intensive SFF BC U.3 Static Multi Vendor SSD', 'STORAGE_DRIVES', 'Drive Bay', 'Online Firmware Flash for NVMe Solid State Drives - VO001920KYDMT', 'SSD_VO001920KYDMT_', ['HPK1', 'HPK2', 'HPK3', 'HPK3', 'HPK4', 'HPK4', 'HPK5', 'HPK5', 'HPK6']),
    componentLine('HPE SN1610Q 32Gb 2-port Fibre Channel Host Bus Adapter', 'STORAGE_FIBRE_CHANNEL', 'PCI-E Adapter', 'HPE Firmware Flash for QLogic Fibre Channel Host Bus Adapters', 'QLogic_SN1610Q_', ['2.03.10', '2.06.26', '2.07.11', '2.08.20', '2.09.03', '2.10.10', '2.10.10', '2.10.24', '2.11.05']),
    componentLine('HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter', 'NETWORKING_ADAPTERS', 'PCI-E Adapter', 'HPE Firmware Flash for Mellanox ConnectX-4 Lx Ethernet 10/25Gb 2-port 640SFP28 Adapter', 'MLX_640SFP28_', ['1.18.2', '1.19.6', '1.20.0', '1.27.0', '1.30.2', '1.33.4', '1.35.2', '1.36.0', '1.37.4']),
    componentLine('HPE Ethernet 100Gb 2-port QSFP56 PCIe4 x16 MCX623106AS-CDAT Adapter', 'NETWORKING_ADAPTERS', 'PCI-E Adapter', 'Mellanox MCX623106AS-CDAT Online Firmware Upgrade Utility', 'MLX_MCX623106AS-CDAT_', ['22.34.1002', '22.36.1010', '22.39.1002', '22.41.1000', '22.41.1000', '22.43.2026', '22.44.1036', '22.45.1020', '22.46.3048']),
    componentLine('Broadcom BCM57414 Ethernet 10/25Gb 2-port SFP28 OCP3 Adapter for HPE', 'NETWORKING_ADAPTERS', 'OCP Slot', 'Broadcom NetXtreme-E Firmware Package for HPE Adapters', 'BCM_NXE_', ['222.1.68.0', '224.1.102.0', '226.0.145.0', '228.1.111.0', '229.1.123.0', '230.0.156.0', '230.1.116.0', '231.0.162.0', '232.0.155.0']),
    componentLine('Power Supply Firmware', 'POWER_SUPPLIES', 'Power Supply Bay', 'Online Firmware Flash for HPE Flex Slot Power Supplies', 'PS_Gen11_', ['1.00.2', '1.00.3', '1.00.4', '1.00.6', '1.00.8', '1.00.9', '1.00.10', '1.00.11', '1.00.12']),
  ],
  fixes: [
    {
      bundleType: 'PATCH',
      releaseVersion: '2025.07.00.03',
      baseVersion: '2025.07.00.00',
      date: '2025-08-12',
      reason: 'fixes a System ROM memory training issue and an MR controller drive timeout found after the SPP was published',
      updates: [
        { name: 'System ROM', version: 'U54 v2.62 (07/24/2025)' },
        { name: 'System ROM', version: 'U63 v2.62 (07/24/2025)' },
        { name: 'System ROM', version: 'U65 v2.62 (07/24/2025)' },
        { name: 'System ROM', version: 'I62 v2.62 (07/24/2025)' },
        { name: 'HPE MR408i-o Gen11', version: '52.32.3-5740' },
      ],
    },
  ],
};
