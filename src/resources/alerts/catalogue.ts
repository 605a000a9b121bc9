// HPE iLO alert messages the device simulator can raise, in the shape iLO's Redfish event registries give
// them (iLOEvents for hardware, Utilization for COM's power thresholds). `%1`… in message and origin are
// filled from the arguments; `{serverId}` in an origin is the server's COM id.
import type { AlertCategory, AlertSeverity, NewAlert } from './model.ts';

/** One raisable alert message. */
export interface AlertTemplate {
  /** Full versioned id, `Bundle.Major.Minor.Key`. */
  messageId: string;
  category: AlertCategory;
  severity: AlertSeverity;
  /** True when HPE treats it as a service event (support case candidate). */
  serviceEvent: boolean;
  description: string;
  resolution: string;
  message: string;
  /** Redfish URI of the component the condition is about. */
  originOfCondition: string;
  /** Arguments that make a realistic instance. */
  exampleArguments: readonly string[];
}

const t = (
  messageId: string,
  category: AlertCategory,
  severity: AlertSeverity,
  serviceEvent: boolean,
  message: string,
  originOfCondition: string,
  exampleArguments: readonly string[],
  description: string,
  resolution: string,
): AlertTemplate => ({ messageId, category, severity, serviceEvent, description, resolution, message, originOfCondition, exampleArguments });

export const ALERT_CATALOGUE = {
  PowerSupplyInputLost: t('iLOEvents.3.1.PowerSupplyInputLost', 'power', 'WARNING', false,
    'The power supply in bay %1 reports an AC input loss.', '/redfish/v1/Chassis/1/Power#/PowerSupplies/%2', ['2', '1'],
    'A power supply has lost its AC input power.', 'Check the power cord and the PDU feeding the power supply bay.'),
  PowerSupplyFailed: t('iLOEvents.3.1.PowerSupplyFailed', 'power', 'CRITICAL', true,
    'The power supply has failed in chassis %1, bay %2, model %3, serial number %4, firmware %5.', '/redfish/v1/Chassis/%1/Power#/PowerSupplies/0',
    ['1', '1', '865414-B21', '5WBXU0B4DH20Q1', '1.00'],
    'The fault tolerant power supply condition has been set to failed for the specified chassis and bay location.', 'Replace the failed power supply.'),
  PowerRedundancyLost: t('iLOEvents.3.1.PowerRedundancyLost', 'power', 'WARNING', false,
    'The power supplies are no longer redundant in chassis %1.', '/redfish/v1/Chassis/%1/Power', ['1'],
    'The fault tolerant power supplies have lost redundancy for the specified chassis.', 'Check the system power supplies for a failure.'),
  ServerPowerOnFailure: t('iLOEvents.3.1.ServerPowerOnFailure', 'power', 'CRITICAL', false,
    'The server could not be powered on.', '/redfish/v1/Systems/1', [],
    'A request was made to power on the server, however the server could not be powered on due to a failure condition.',
    'Review the Integrated Management Log, reseat the power supplies and retry the power-on.'),
  FanFailed: t('iLOEvents.3.1.FanFailed', 'fans', 'CRITICAL', true,
    'Fan %1 in chassis %2 is now in a failed state.', '/redfish/v1/Chassis/%2/Thermal#/Fans/%1', ['4', '1'],
    'The fault tolerant fan condition has been set to failed for the specified chassis and fan.', 'Replace the failed fan.'),
  FanDegraded: t('iLOEvents.3.1.FanDegraded', 'fans', 'CRITICAL', false,
    'Fan %2 in chassis %1 is now in a degraded state.', '/redfish/v1/Chassis/%1/Thermal#/Fans/%2', ['1', '3'],
    'The fault tolerant fan condition has been set to degraded for the specified chassis and fan.', 'Replace the failing fan.'),
  FanRedundancyLost: t('iLOEvents.3.1.FanRedundancyLost', 'fans', 'WARNING', false,
    'The fans are no longer redundant in chassis %1.', '/redfish/v1/Chassis/%1/Thermal', ['1'],
    'The fault tolerant fans have lost redundancy for the specified chassis.', 'Check the system fans for a failure.'),
  TemperatureThresholdExceeded: t('iLOEvents.3.1.TemperatureThresholdExceeded', 'temperature', 'WARNING', false,
    'Temperature sensor %1 (%2) reads %3 C, above its caution threshold of %4 C.', '/redfish/v1/Chassis/1/Thermal#/Temperatures/%1', ['12', 'CPU 1', '86', '85'],
    'A temperature sensor exceeded its caution threshold.', 'Check the airflow, the data center inlet temperature and the fans.'),
  ThermalStatusDegradedSysContinue: t('iLOEvents.3.1.ThermalStatusDegradedSysContinue', 'temperature', 'CRITICAL', false,
    'Temperature out of range in chassis %1, location %2. The server will continue.', '/redfish/v1/Chassis/%1/Thermal', ['1', 'Ambient'],
    "The temperature status has been set to degraded in the specified chassis and location. The server's temperature is outside of the normal operating range.",
    'Check the system for hardware failures and verify the environment is properly cooled.'),
  DIMMCorrectableErrors: t('iLOEvents.3.1.DIMMCorrectableErrors', 'memory', 'WARNING', false,
    'Correctable memory errors exceeded the threshold for the DIMM in processor %1, slot %2.', '/redfish/v1/Systems/1/Memory/proc%1dimm%2', ['1', '8'],
    'Correctable memory errors were corrected, but their rate shows the memory module is degrading.', 'Replace the memory module at the next maintenance window.'),
  CorrectableOrUncorrectableMemoryErrors: t('iLOEvents.3.1.CorrectableOrUncorrectableMemoryErrors', 'memory', 'WARNING', true,
    'Correctable or uncorrectable Memory Errors Detected for the memory module in slot %1, cpu %2, riser %3, socket %4.', '/redfish/v1/Systems/1/Memory/proc%2dimm%1',
    ['3', '2', '0', '2'],
    'Correctable or uncorrectable Memory Errors Detected. Correctable errors have been corrected, but the memory module should be replaced.',
    'Replace the failing memory module.'),
  ProcessorUncorrectableError: t('iLOEvents.3.1.ProcessorUncorrectableError', 'processor', 'CRITICAL', true,
    'An uncorrectable machine check exception was detected on processor %1.', '/redfish/v1/Systems/1/Processors/%1', ['2'],
    'The processor reported an uncorrectable error; the server may have restarted.', 'Update the system ROM, then replace the processor if the error recurs.'),
  DriveFailed: t('iLOEvents.3.1.DriveFailed', 'storage', 'CRITICAL', true,
    'The drive in port %1, box %2, bay %3 of the storage controller in slot %4 has failed.', '/redfish/v1/Systems/1/Storage/DE00A000/Drives/%3',
    ['1I', '1', '3', '12'],
    'A physical drive attached to the storage controller has failed.', 'Replace the failed drive; the array rebuilds automatically if it is fault tolerant.'),
  DrvArrPhysDrvFailed: t('iLOEvents.3.14.DrvArrPhysDrvFailed', 'storage', 'CRITICAL', true,
    'Physical drive %1 on the array controller in %2 has failed (status %3).', '/redfish/v1/Systems/1/SmartStorage/ArrayControllers/0/DiskDrives/%3',
    ['Port=1I:Box=3:Bay=2', 'Slot 0', '4'],
    'A physical drive of a Smart Array controller has failed.', 'Replace the failed physical drive.'),
  NetworkAdapterLinkDown: t('iLOEvents.3.1.NetworkAdapterLinkDown', 'network', 'WARNING', false,
    'The link of port %1 on network adapter %2 is down.', '/redfish/v1/Chassis/1/NetworkAdapters/%3/NetworkPorts/%1',
    ['1', 'HPE Ethernet 10/25Gb 2-port SFP28 BCM57414 OCP3 Adapter', 'DC080000'],
    'A network adapter port lost its link.', 'Check the cable, the transceiver and the switch port.'),
  SystemBatteryFailed: t('iLOEvents.3.1.SystemBatteryFailed', 'battery', 'WARNING', true,
    'The battery has failed in chassis %1, index %2, status %3, model %4, serial number %5, spare part number %6.', '/redfish/v1/Chassis/%1#/Oem/Hpe/SmartStorageBattery/%2',
    ['1', '1', 'Failed', '875241-B21', '6EZBP0BB2BQ4OV', '878643-001'],
    'The system battery condition has been set to failed for the specified chassis and index location.', 'Replace the failed battery.'),
  MinPasswordLengthAtRisk: t('iLOEvents.3.1.MinPasswordLengthAtRisk', 'security', 'WARNING', false,
    'The minimum password length is %1 characters, below the recommended %2.', '/redfish/v1/Managers/1/SecurityService/SecurityDashboard/SecurityParams/5', ['4', '8'],
    'The iLO minimum password length setting is at risk.', 'Set the iLO minimum password length to at least 8 characters.'),
  POSTErrorsOccurred: t('iLOEvents.3.1.POSTErrorsOccurred', 'system', 'WARNING', false,
    'Power on self-test errors occurred during server restart.', '/redfish/v1/Systems/1', [],
    'One or more POST errors occurred during the server restart process.', 'Refer to the Integrated Management Log for details on the power on self-test error.'),
  ProjectedCriticalPowerUtilExceeded: t('Utilization.1.0.ProjectedCriticalPowerUtilExceeded', 'utilization', 'WARNING', false,
    'Projected power consumption of %1 W exceeds the critical threshold of %2 W.', '/api/powerutilization/{serverId}', ['812', '750'],
    'The projected power utilization of the server exceeds the critical threshold of its metrics configuration.',
    'Reduce the workload or raise the threshold, then clear the alert.'),
  CriticalPowerUtilExceeded: t('Utilization.1.0.CriticalPowerUtilExceeded', 'utilization', 'CRITICAL', false,
    'Power consumption of %1 W exceeds the critical threshold of %2 W.', '/api/powerutilization/{serverId}', ['790', '750'],
    'The power utilization of the server exceeds the critical threshold of its metrics configuration.',
    'Reduce the workload or raise the threshold, then clear the alert.'),
} as const satisfies Record<string, AlertTemplate>;

export type AlertMessageKey = keyof typeof ALERT_CATALOGUE;

function fill(text: string, serverId: string, args: readonly string[]): string {
  return text.replace(/%([0-9]+)/g, (whole, n: string) => args[Number(n) - 1] ?? whole).replace('{serverId}', serverId);
}

/** A NewAlert for `raiseAlert` from a catalogue entry; the example arguments when none are given. */
export function alertFromCatalogue(key: AlertMessageKey, serverId: string, timestamp: string, args?: readonly string[]): NewAlert {
  const template: AlertTemplate = ALERT_CATALOGUE[key];
  const values = args ?? template.exampleArguments;
  return {
    serverId,
    severity: template.severity,
    category: template.category,
    messageId: template.messageId,
    description: template.description,
    resolution: template.resolution,
    message: fill(template.message, serverId, values),
    originOfCondition: fill(template.originOfCondition, serverId, values),
    timestamp,
    serviceEvent: template.serviceEvent,
    arguments: [...values],
  };
}
