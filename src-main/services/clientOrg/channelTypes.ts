/** Inputs and outputs of the `org.*` channels as services see them (inputs already parsed by `dispatch`). */
import type { z } from 'zod';
import type { clientOrgChannels } from '../../../src-shared/contract/clientOrg';

type OrgChannels = typeof clientOrgChannels;
export type OrgChannel = keyof OrgChannels;
/** The input after the contract parsed it: defaults filled, strings trimmed, ids lower-cased. */
export type OrgIn<C extends OrgChannel> = z.output<OrgChannels[C]['input']>;
export type OrgOut<C extends OrgChannel> = z.output<OrgChannels[C]['output']>;
