// Mocks as the server describes them, for the mocks view-model tests.
import type { MocksDto } from '../rpc/protocol';
import { SNAPSHOT } from './recordingsFixtures';

export const MOCKS: MocksDto = {
  id: 'mocks-1',
  snapshotId: SNAPSHOT.id,
  snapshotName: SNAPSHOT.name,
  calls: 3,
  address: '127.0.0.1:41234',
  environment: [
    { name: 'HTTP_PROXY', value: 'http://127.0.0.1:41234' },
    { name: 'HTTPS_PROXY', value: 'http://127.0.0.1:41234' },
    { name: 'JAVA_TOOL_OPTIONS', value: "-Dhttp.proxyHost=127.0.0.1 -Dx='quoted'" },
  ],
};
