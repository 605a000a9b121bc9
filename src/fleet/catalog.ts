// Real HPE product lines the virtual fleet draws from: model names, product ids (SKU part numbers), BIOS
// families, iLO generations, processors and form factors as HPE ships them.
import type { PlatformFamily, ServerGeneration } from '../resources/servers/model.ts';

export interface ProductLine {
  model: string;
  productIds: readonly string[];
  generation: ServerGeneration;
  platformFamily: PlatformFamily;
  /** BIOS family letter code, e.g. U46 for DL360 Gen10 Plus. */
  biosFamily: string;
  biosVersions: readonly string[];
  ilo: 'iLO 5' | 'iLO 6' | 'iLO 7';
  iloVersions: readonly string[];
  formFactor: string;
  platform: string;
  processors: readonly { vendor: string; model: string; cores: number; speedMHz: number }[];
  /** Relative share of the fleet. */
  weight: number;
}

const XEON_G2 = [
  { vendor: 'Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz', model: 'Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz', cores: 24, speedMHz: 3000 },
  { vendor: 'Intel(R) Xeon(R) Silver 4214R CPU @ 2.40GHz', model: 'Intel(R) Xeon(R) Silver 4214R CPU @ 2.40GHz', cores: 12, speedMHz: 2400 },
];
const XEON_G3 = [
  { vendor: 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', model: 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', cores: 32, speedMHz: 2000 },
  { vendor: 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', model: 'Intel(R) Xeon(R) Silver 4314 CPU @ 2.40GHz', cores: 16, speedMHz: 2400 },
];
const XEON_G4 = [
  { vendor: 'Intel(R) Xeon(R) Gold 6430', model: 'Intel(R) Xeon(R) Gold 6430', cores: 32, speedMHz: 2100 },
  { vendor: 'Intel(R) Xeon(R) Platinum 8480+', model: 'Intel(R) Xeon(R) Platinum 8480+', cores: 56, speedMHz: 2000 },
];
const XEON_6 = [{ vendor: 'Intel(R) Xeon(R) 6740E', model: 'Intel(R) Xeon(R) 6740E', cores: 92, speedMHz: 2400 }];
const EPYC_7003 = [{ vendor: 'AMD EPYC 7543 32-Core Processor', model: 'AMD EPYC 7543 32-Core Processor', cores: 32, speedMHz: 2800 }];
const EPYC_9004 = [{ vendor: 'AMD EPYC 9454 48-Core Processor', model: 'AMD EPYC 9454 48-Core Processor', cores: 48, speedMHz: 2750 }];

const ILO5 = ['2.72 Sep 04 2022', '2.81 Mar 22 2023', '3.01 Mar 08 2024', '3.08 Oct 24 2024'];
const ILO6 = ['1.56 Feb 02 2024', '1.62 Jun 18 2024', '1.64 Oct 02 2024', '1.66 Jan 15 2025'];
const ILO7 = ['1.10 Jan 30 2025', '1.12 May 14 2025'];

export const PRODUCT_LINES: readonly ProductLine[] = [
  { model: 'ProLiant DL360 Gen10', productIds: ['867959-B21', '867958-B21'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'U32', biosVersions: ['2.68 (07/14/2022)', '2.80 (06/20/2023)', '3.20 (02/16/2024)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: '1U', platform: 'ProLiant', processors: XEON_G2, weight: 10 },
  { model: 'ProLiant DL380 Gen10', productIds: ['868703-B21', '868704-B21', '875765-S01'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'U30', biosVersions: ['2.68 (07/14/2022)', '2.80 (06/20/2023)', '3.20 (02/16/2024)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: '2U', platform: 'ProLiant', processors: XEON_G2, weight: 12 },
  { model: 'ProLiant ML350 Gen10', productIds: ['877621-B21'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'U41', biosVersions: ['2.68 (07/14/2022)', '3.20 (02/16/2024)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: 'Tower', platform: 'ProLiant', processors: XEON_G2, weight: 3 },
  { model: 'ProLiant DL360 Gen10 Plus', productIds: ['P19766-B21', 'P19774-B21'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'U46', biosVersions: ['1.72 (09/22/2022)', '1.90 (10/12/2023)', '2.10 (04/25/2024)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: '1U', platform: 'ProLiant', processors: XEON_G3, weight: 9 },
  { model: 'ProLiant DL380 Gen10 Plus', productIds: ['P05172-B21', 'P20174-B21'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'U46', biosVersions: ['1.72 (09/22/2022)', '1.90 (10/12/2023)', '2.10 (04/25/2024)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: '2U', platform: 'ProLiant', processors: XEON_G3, weight: 10 },
  { model: 'ProLiant DL385 Gen10 Plus v2', productIds: ['P38471-B21', 'P39122-B21'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'A42', biosVersions: ['2.72 (11/08/2022)', '2.90 (09/14/2023)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: '2U', platform: 'ProLiant', processors: EPYC_7003, weight: 5 },
  { model: 'ProLiant DL360 Gen11', productIds: ['P52499-B21', 'P51930-B21'], generation: 'GEN_11', platformFamily: 'PROLIANT', biosFamily: 'U63', biosVersions: ['1.50 (11/16/2023)', '2.20 (05/10/2024)', '2.30 (06/20/2024)'], ilo: 'iLO 6', iloVersions: ILO6, formFactor: '1U', platform: 'ProLiant', processors: XEON_G4, weight: 10 },
  { model: 'ProLiant DL380 Gen11', productIds: ['P52534-B21', 'P28948-B21', 'P52560-B21'], generation: 'GEN_11', platformFamily: 'PROLIANT', biosFamily: 'U54', biosVersions: ['1.50 (11/16/2023)', '2.20 (05/10/2024)', '2.30 (06/20/2024)'], ilo: 'iLO 6', iloVersions: ILO6, formFactor: '2U', platform: 'ProLiant', processors: XEON_G4, weight: 12 },
  { model: 'ProLiant DL385 Gen11', productIds: ['P54199-B21', 'P58783-B21'], generation: 'GEN_11', platformFamily: 'PROLIANT', biosFamily: 'A55', biosVersions: ['1.40 (10/26/2023)', '1.62 (06/12/2024)'], ilo: 'iLO 6', iloVersions: ILO6, formFactor: '2U', platform: 'ProLiant', processors: EPYC_9004, weight: 6 },
  { model: 'ProLiant ML350 Gen11', productIds: ['P53566-B21'], generation: 'GEN_11', platformFamily: 'PROLIANT', biosFamily: 'U65', biosVersions: ['1.50 (11/16/2023)', '2.20 (05/10/2024)'], ilo: 'iLO 6', iloVersions: ILO6, formFactor: 'Tower', platform: 'ProLiant', processors: XEON_G4, weight: 3 },
  { model: 'ProLiant DL380 Gen12', productIds: ['P71673-B21', 'P71674-B21'], generation: 'GEN_12', platformFamily: 'PROLIANT', biosFamily: 'U68', biosVersions: ['1.10 (02/20/2025)', '1.20 (05/22/2025)'], ilo: 'iLO 7', iloVersions: ILO7, formFactor: '2U', platform: 'ProLiant', processors: XEON_6, weight: 4 },
  { model: 'ProLiant DL360 Gen12', productIds: ['P71669-B21'], generation: 'GEN_12', platformFamily: 'PROLIANT', biosFamily: 'U68', biosVersions: ['1.10 (02/20/2025)', '1.20 (05/22/2025)'], ilo: 'iLO 7', iloVersions: ILO7, formFactor: '1U', platform: 'ProLiant', processors: XEON_6, weight: 3 },
  { model: 'Synergy 480 Gen10', productIds: ['871940-B21'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'I42', biosVersions: ['2.68 (07/14/2022)', '3.20 (02/16/2024)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: 'Compute Module', platform: 'Synergy', processors: XEON_G2, weight: 4 },
  { model: 'Synergy 480 Gen11', productIds: ['P52796-B21'], generation: 'GEN_11', platformFamily: 'PROLIANT', biosFamily: 'I62', biosVersions: ['1.50 (11/16/2023)', '2.20 (05/10/2024)'], ilo: 'iLO 6', iloVersions: ILO6, formFactor: 'Compute Module', platform: 'Synergy', processors: XEON_G4, weight: 3 },
  { model: 'Apollo 4200 Gen10 Plus', productIds: ['P07244-B21'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'U50', biosVersions: ['1.72 (09/22/2022)', '2.10 (04/25/2024)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: '2U', platform: 'Apollo', processors: XEON_G3, weight: 2 },
  { model: 'Apollo 2000 Gen10 Plus (XL225n)', productIds: ['R6Y07A'], generation: 'GEN_10', platformFamily: 'PROLIANT', biosFamily: 'A47', biosVersions: ['2.72 (11/08/2022)'], ilo: 'iLO 5', iloVersions: ILO5, formFactor: '1U half width', platform: 'Apollo', processors: EPYC_7003, weight: 2 },
];

export const SITES = [
  { city: 'Houston', country: 'US', rooms: ['DC1-H1', 'DC1-H2'] },
  { city: 'San Jose', country: 'US', rooms: ['SJC-A', 'SJC-B'] },
  { city: 'Grenoble', country: 'FR', rooms: ['DC2-R1'] },
  { city: 'Frankfurt', country: 'DE', rooms: ['FRA-3'] },
  { city: 'Tokyo', country: 'JP', rooms: ['TYO-1'] },
] as const;

export const OPERATING_SYSTEMS = [
  { osName: 'VMware ESXi', osVersion: '8.0.2', osDescription: 'VMware ESXi 8.0.2 build-22380479', osType: 33 },
  { osName: 'VMware ESXi', osVersion: '7.0.3', osDescription: 'VMware ESXi 7.0.3 build-21930508', osType: 33 },
  { osName: 'Red Hat Enterprise Linux', osVersion: '9.4', osDescription: 'Red Hat Enterprise Linux 9.4 (Plow)', osType: 16 },
  { osName: 'Red Hat Enterprise Linux', osVersion: '8.10', osDescription: 'Red Hat Enterprise Linux 8.10 (Ootpa)', osType: 16 },
  { osName: 'SUSE Linux Enterprise Server', osVersion: '15 SP6', osDescription: 'SUSE Linux Enterprise Server 15 SP6', osType: 17 },
  { osName: 'Ubuntu', osVersion: '22.04', osDescription: 'Ubuntu 22.04.4 LTS', osType: 36 },
  { osName: 'Microsoft Windows Server 2022 Standard', osVersion: '10.0.20348', osDescription: 'Microsoft Windows Server 2022 Standard', osType: 35 },
] as const;

export const DIMM_PARTS = [
  { capacityMiB: 32768, part: 'P06033-B21', vendor: 'Hynix', speed: 3200 },
  { capacityMiB: 65536, part: 'P06035-B21', vendor: 'Samsung', speed: 3200 },
  { capacityMiB: 32768, part: 'P43328-B21', vendor: 'Micron', speed: 4800 },
  { capacityMiB: 65536, part: 'P43331-B21', vendor: 'Samsung', speed: 4800 },
] as const;
