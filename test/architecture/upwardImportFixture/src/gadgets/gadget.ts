// Fixture for test/architecture/layers.test.ts: a folder that takes no place in the layers.
import { appName } from '../app';

export const gadgetOf = appName;
