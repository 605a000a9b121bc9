// What the simulated installer makes of vendors' ISO names: the OS facts an installed server then reports.
import { describe, expect, it } from 'vitest';
import { identifyOsImage, installedHostname } from './os-images.ts';

describe('identifyOsImage', () => {
  it.each([
    ['https://r.example.net/VMware-VMvisor-Installer-8.0U2-22380479.x86_64.iso', { osName: 'VMware ESXi', osVersion: '8.0.2', osDescription: 'VMware ESXi 8.0.2 build-22380479', osType: 33 }],
    ['https://r.example.net/esxi-7.0.3.iso', { osName: 'VMware ESXi', osVersion: '7.0.3', osType: 33 }],
    ['https://r.example.net/iso/rhel-8.10-x86_64-dvd.iso', { osName: 'Red Hat Enterprise Linux', osVersion: '8.10', osDescription: 'Red Hat Enterprise Linux 8.10 (Ootpa)', osType: 16 }],
    ['https://r.example.net/SLE-15-SP6-Full-x86_64-GM-Media1.iso', { osName: 'SUSE Linux Enterprise Server', osVersion: '15 SP6', osType: 17 }],
    ['https://r.example.net/ubuntu-22.04.4-live-server-amd64.iso', { osName: 'Ubuntu', osVersion: '22.04', osDescription: 'Ubuntu 22.04.4 LTS', osType: 36 }],
    ['https://r.example.net/20348.169.210806-2348.fe_release_svc_refresh_SERVER_EVAL_x64FRE_en-us.iso', { osName: 'Microsoft Windows Server 2022 Standard', osVersion: '10.0.20348', osType: 35 }],
  ])('%s', (url, os) => {
    expect(identifyOsImage(url)?.os).toMatchObject(os);
  });

  it('finds no installer in other images', () => {
    expect(identifyOsImage('https://r.example.net/spp-2024.09.0.iso')).toBeUndefined();
    expect(identifyOsImage('https://r.example.net/ks/rhel-ks.cfg')).toBeUndefined();
  });

  it('keeps the hostname the server had, else leaves the installer default', () => {
    const rhel = identifyOsImage('https://r.example.net/rhel-9.4-x86_64-dvd.iso')!;
    expect(installedHostname(rhel, 'lnx-prod-0001.houston.example.net', 'P1+S1')).toBe('lnx-prod-0001.houston.example.net');
    expect(installedHostname(rhel, null, 'P1+S1')).toBe('localhost.localdomain');
    expect(installedHostname(identifyOsImage('https://r.example.net/Windows_Server_2022.iso')!, null, 'P1+S1')).toMatch(/^WIN-[0-9A-Z]{7}$/);
  });
});
