/**
 * A channel's input after the contract parsed it (defaults filled, strings trimmed, ids lower-cased): what
 * `dispatch` hands to the handlers, which are typed with the looser pre-parse input.
 */
import type { z } from 'zod';
import type { ChannelName, Channels } from '../../../src-shared/contract';

export type Parsed<C extends ChannelName> = z.output<Channels[C]['input']>;
