import type { FeedbackStoreConfig } from '../config';
import { FileFeedbackStore } from './file-store';
import { MemoryFeedbackStore, type FeedbackStore } from './records';
import { parseTableConnection, TableFeedbackStore } from './table-store';

/** The feedback store the configuration asks for (FEEDBACK_STORE). */
export function createFeedbackStore(config: FeedbackStoreConfig): FeedbackStore {
  switch (config.kind) {
    case 'memory':
      return new MemoryFeedbackStore();
    case 'file':
      return new FileFeedbackStore(config.dir);
    case 'table': {
      const account = parseTableConnection(config.connectionString);
      // loadConfig has already checked it; this only satisfies the type.
      if (typeof account === 'string') throw new Error(`FEEDBACK_TABLE_CONNECTION_STRING ${account}`);
      return new TableFeedbackStore(account, config.table);
    }
  }
}
