// The Gen10/Gen10 Plus SPP line: HPE's release versions and dates, and what each release ships for the
// components Gen10 and Gen10 Plus servers report (iLO 5, System ROMs of each BIOS family, platform firmware,
// Smart Array, adapters, power supplies). 2022 releases use the 3-octet version format.
import { componentLine, iloLine, romLine, type GenerationLine } from './lines.ts';

const WINDOWS = ['Microsoft Windows Server 2022', 'Microsoft Windows Server 2019', 'Microsoft Windows Server 2016'];
const LINUX_2022 = ['Red Hat Enterprise Linux 8', 'Red Hat Enterprise Linux 7', 'SUSE Linux Enterprise Server 15', 'SUSE Linux Enterprise Server 12'];
const LINUX_2023 = ['Red Hat Enterprise Linux 9', ...LINUX_2022];
const LINUX_2024 = ['Red Hat Enterprise Linux 9', 'Red Hat Enterprise Linux 8', 'SUSE Linux Enterprise Server 15'];

const INTEL_ROM = ['2.60 (01/19/2022)', '2.68 (07/14/2022)', '2.76 (02/09/2023)', '2.80 (06/20/2023)', '3.20 (02/16/2024)', '3.30 (07/11/2024)', '3.40 (12/05/2024)', '3.50 (04/17/2025)', '3.60 (09/18/2025)'];
const PLUS_ROM = ['1.60 (01/13/2022)', '1.64 (06/23/2022)', '1.80 (01/19/2023)', '1.86 (07/13/2023)', '2.00 (01/11/2024)', '2.16 (07/11/2024)', '2.30 (12/05/2024)', '2.40 (04/17/2025)', '2.50 (09/18/2025)'];
const AMD_ROM = ['2.54 (01/20/2022)', '2.62 (05/19/2022)', '2.76 (01/19/2023)', '2.86 (06/29/2023)', '2.96 (02/01/2024)', '3.06 (07/11/2024)', '3.16 (12/05/2024)', '3.24 (04/17/2025)', '3.30 (09/18/2025)'];
const SMART_ARRAY = ['2.65', '3.00', '3.53', '5.01', '5.11', '5.31', '5.61', '7.11', '7.21'];

export const GEN10_LINE: GenerationLine = {
  generation: 10,
  label: 'Gen10/Gen10 Plus',
  releases: [
    { releaseVersion: '2022.03.0', date: '2022-03-24', supersedes: '2021.10.0', os: [...WINDOWS, ...LINUX_2022, 'VMware ESXi 7.0'], osAdded: ['Red Hat Enterprise Linux 8.5', 'SUSE Linux Enterprise Server 15 SP3', 'VMware ESXi 7.0 U3'] },
    { releaseVersion: '2022.09.0', date: '2022-09-26', os: [...WINDOWS, ...LINUX_2023, 'VMware ESXi 7.0'], osAdded: ['Red Hat Enterprise Linux 9.0', 'Red Hat Enterprise Linux 8.6', 'SUSE Linux Enterprise Server 15 SP4'] },
    { releaseVersion: '2023.03.00.00', date: '2023-03-21', os: [...WINDOWS, ...LINUX_2023, 'VMware ESXi 7.0', 'VMware ESXi 8.0'], osAdded: ['VMware ESXi 8.0', 'Red Hat Enterprise Linux 9.1', 'Red Hat Enterprise Linux 8.7'] },
    { releaseVersion: '2023.09.00.00', date: '2023-09-12', os: [...WINDOWS, ...LINUX_2023, 'VMware ESXi 7.0', 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 8.8', 'Red Hat Enterprise Linux 9.2', 'SUSE Linux Enterprise Server 15 SP5'] },
    { releaseVersion: '2024.04.00.00', date: '2024-04-23', os: [...WINDOWS, ...LINUX_2024, 'VMware ESXi 7.0', 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 9.3', 'Red Hat Enterprise Linux 8.9', 'VMware ESXi 8.0 U2'] },
    { releaseVersion: '2024.09.00.00', date: '2024-09-17', os: [...WINDOWS, ...LINUX_2024, 'VMware ESXi 7.0', 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 9.4', 'Red Hat Enterprise Linux 8.10', 'SUSE Linux Enterprise Server 15 SP6', 'VMware ESXi 8.0 U3'] },
    { releaseVersion: '2025.03.00.00', date: '2025-03-18', os: ['Microsoft Windows Server 2025', ...WINDOWS, ...LINUX_2024, 'VMware ESXi 8.0'], osAdded: ['Microsoft Windows Server 2025', 'Red Hat Enterprise Linux 9.5'] },
    { releaseVersion: '2025.07.00.00', date: '2025-07-01', os: ['Microsoft Windows Server 2025', ...WINDOWS, 'Red Hat Enterprise Linux 10', ...LINUX_2024, 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 10.0', 'Red Hat Enterprise Linux 9.6', 'SUSE Linux Enterprise Server 15 SP7'] },
    { releaseVersion: '2025.11.00.00', date: '2025-11-18', os: ['Microsoft Windows Server 2025', ...WINDOWS, 'Red Hat Enterprise Linux 10', ...LINUX_2024, 'VMware ESXi 8.0'], osAdded: ['Red Hat Enterprise Linux 10.1', 'Red Hat Enterprise Linux 9.7'] },
  ],
  components: [
    iloLine(5, ['2.60 Jan 26 2022', '2.72 Sep 04 2022', '2.78 Jan 24 2023', '2.90 Jul 26 2023', '3.01 Mar 08 2024', '3.04 Jun 25 2024', '3.10 Jan 23 2025', '3.12 May 20 2025', '3.14 Oct 07 2025']),
    romLine('U30', 'ProLiant DL380 Gen10', INTEL_ROM),
    romLine('U32', 'ProLiant DL360 Gen10', INTEL_ROM),
    romLine('U41', 'ProLiant ML350 Gen10', INTEL_ROM),
    romLine('I42', 'Synergy 480 Gen10 Compute Module', INTEL_ROM),
    romLine('U46', 'ProLiant DL360 Gen10 Plus/DL380 Gen10 Plus', PLUS_ROM),
    romLine('U50', 'Apollo 4200 Gen10 Plus', PLUS_ROM),
    romLine('A42', 'ProLiant DL385 Gen10 Plus v2', AMD_ROM),
    romLine('A47', 'Apollo 2000 Gen10 Plus XL225n', AMD_ROM),
    componentLine('Intelligent Platform Abstraction Data', 'SYSTEM_BOARD', 'System Board', 'HPE Intelligent Platform Abstraction Data (IPAD) for Gen10 and Gen10 Plus servers', 'IPAD_Gen10_', ['11.2.0 Build 19', '12.0.0 Build 27', '12.2.0 Build 12', '12.4.0 Build 31', '12.4.0 Build 31', '12.6.0 Build 8', '12.6.0 Build 8', '12.8.0 Build 14', '12.8.0 Build 14']),
    componentLine('System Programmable Logic Device', 'SYSTEM_BOARD', 'System Board', 'Online Firmware Flash for the System Programmable Logic Device of Gen10 and Gen10 Plus servers', 'CPLD_Gen10_', ['0x27', '0x2A', '0x2A', '0x2A', '0x2A', '0x2A', '0x2A', '0x2C', '0x2C']),
    componentLine('Power Management Controller Firmware', 'SYSTEM_BOARD', 'System Board', 'Power Management Controller (PMC) Firmware Package for Gen10 and Gen10 Plus servers', 'PICFW_Gen10_', ['1.0.7', '1.0.8', '1.0.8', '1.0.8', '1.0.8', '1.0.8', '1.0.9', '1.0.9', '1.0.9']),
    componentLine('Server Platform Services (SPS) Firmware', 'SYSTEM_BOARD', 'System Board', 'Server Platform Services (SPS) Firmware for Gen10 and Gen10 Plus servers', 'SPSGen10_', ['4.1.4.601', '4.1.4.700', '4.1.4.804', '4.1.4.804', '4.1.4.804', '4.1.4.901', '4.1.4.901', '4.1.5.2', '4.1.5.2']),
    componentLine('Innovation Engine (IE) Firmware', 'SYSTEM_BOARD', 'System Board', 'Innovation Engine (IE) Firmware for Gen10 Plus servers', 'IEGen10_', ['0.2.2.2', '0.2.2.4', '0.2.2.4', '0.2.2.4', '0.2.2.4', '0.2.2.4', '0.2.3.1', '0.2.3.1', '0.2.3.1']),
    componentLine('HPE Smart Array P408i-a SR Gen10', 'STORAGE_CONTROLLERS', 'Storage Controller', 'Online ROM Flash Component - HPE Smart Array P408i-p, P408e-p, P408i-a, P816i-a SR Gen10', 'HPE_SR_Gen10_', SMART_ARRAY),
    componentLine('HPE Smart Array E208i-a SR Gen10', 'STORAGE_CONTROLLERS', 'Storage Controller', 'Online ROM Flash Component - HPE Smart Array E208i-p, E208e-p, E208i-a SR Gen10', 'HPE_SR_Gen10_E208_', SMART_ARRAY),
    componentLine('HPE 960GB SATA 6G Mixed Use SFF SC Multi Vendor SSD', 'STORAGE_DRIVES', 'Drive Bay', 'Online Firmware Flash for SATA Solid State Drives - VK000960GXAXB', 'SSD_VK000960GXAXB_', ['HPG3', 'HPG3', 'HPG4', 'HPG4', 'HPG5', 'HPG5', 'HPG6', 'HPG6', 'HPG7']),
    componentLine('HPE SN1610Q 32Gb 2-port Fibre Channel Host Bus Adapter', 'STORAGE_FIBRE_CHANNEL', 'PCI-E Adapter', 'HPE Firmware Flash for QLogic Fibre Channel Host Bus Adapters', 'QLogic_SN1610Q_', ['2.02.03', '2.02.44', '2.03.10', '2.06.26', '2.07.11', '2.08.20', '2.09.03', '2.10.10', '2.10.24']),
    componentLine('HPE Ethernet 10/25Gb 2-port 640SFP28 Adapter', 'NETWORKING_ADAPTERS', 'PCI-E Adapter', 'HPE Firmware Flash for Mellanox ConnectX-4 Lx Ethernet 10/25Gb 2-port 640SFP28 Adapter', 'MLX_640SFP28_', ['1.16.4', '1.20.0', '1.22.6', '1.25.2', '1.28.4', '1.31.0', '1.33.4', '1.35.2', '1.36.0']),
    componentLine('HPE Ethernet 1Gb 4-port 331i Adapter - NIC', 'NETWORKING_ADAPTERS', 'Embedded LOM', 'HPE Broadcom NX1 Online Firmware Upgrade Utility', 'BCM_NX1_', ['20.19.41', '20.21.41', '20.23.31', '20.25.41', '20.26.31', '20.27.41', '20.28.21', '20.28.41', '20.29.11']),
    componentLine('Power Supply Firmware', 'POWER_SUPPLIES', 'Power Supply Bay', 'Online Firmware Flash for HPE Flex Slot Power Supplies', 'PS_Gen10_', ['1.00.2', '1.00.4', '1.00.5', '1.00.6', '1.00.7', '1.00.8', '1.00.9', '1.00.10', '1.00.11']),
  ],
  fixes: [
    {
      bundleType: 'HOTFIX',
      releaseVersion: '2024.09.00.01',
      baseVersion: '2024.09.00.00',
      date: '2024-11-05',
      reason: 'addresses iLO 5 security vulnerabilities disclosed after the SPP was published',
      updates: [{ name: 'iLO 5', version: '3.08 Oct 24 2024' }],
    },
  ],
};
