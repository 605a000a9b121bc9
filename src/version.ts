// The OpenCOM release, shown in /openapi.json and the CLI.
export const OPENCOM_VERSION = '0.1.0';
