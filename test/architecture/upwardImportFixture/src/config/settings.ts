// Fixture for test/architecture/layers.test.ts: config (the bottom layer) importing the composition root.
import { appName } from '../app';

export const settingsFor = appName;
