/** The device database helpers, shared with the integration tests (tests/helpers/device-db.ts). */
export * from '../../helpers/device-db';
