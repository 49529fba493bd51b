/** The SDK version, reported in every event's context and in version-clash warnings. */
export const VERSION = '0.1.0';
