/**
 * The runtime the generated client is written against, pinned in the install lines the docs
 * show (the versions this repository builds and tests the client with).
 */
export const KIOTA_RUNTIME_VERSION = '1.0.0-preview.109';
export const AZURE_IDENTITY_VERSION = '4.13.1';
