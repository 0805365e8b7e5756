// Request bodies of the provider routes (bitwarden-api.md §6.3–6.7), all bounded.
import { z } from 'zod';
import { htmlEncode } from '../../../domain/htmlNames';
import { base64, email, encString, guid } from '../../../http/schemas';

/** A plaintext name stored HTML-encoded: required, at most `max` characters once encoded. */
export const encodedName = (max: number) =>
  z
    .string({ message: 'The Name field is required.' })
    .trim()
    .min(1, { message: 'The Name field is required.' })
    .refine((v) => htmlEncode(v).length <= max, {
      message: `The field must be a string with a maximum length of ${max}.`,
    });

/** A key RSA-wrapped to a user (EncString types 3–6; clients send 4). */
export const rsaWrappedKey = () =>
  encString(2000).refine((v) => /^[3-6]\./.test(v), { message: 'Not an RSA-encrypted key.' });
/** A key wrapped by a symmetric key (type 2). */
export const symWrappedKey = () =>
  encString(2000).refine((v) => v.startsWith('2.'), { message: 'Not a symmetrically encrypted key.' });

const providerUserType = z.union([z.literal(0), z.literal(1)], { message: 'The field Type is invalid.' });
const ids = (max: number) =>
  z
    .array(guid())
    .min(1, { message: 'The Ids field is required.' })
    .max(max, { message: `You can only submit up to ${max} ids at a time.` });

export const updateProviderBody = z.object({
  name: encodedName(50),
  businessName: encodedName(50).nullish(),
  billingEmail: email(),
});

export const billingAddressBody = z.object({
  country: z.string().length(2, { message: 'Country must be a 2-letter code.' }),
  postalCode: z.string().min(1).max(20),
  line1: z.string().max(200).nullish(),
  line2: z.string().max(200).nullish(),
  city: z.string().max(100).nullish(),
  state: z.string().max(100).nullish(),
  taxId: z.object({ code: z.string().min(1).max(50), value: z.string().min(1).max(100) }).nullish(),
});

export const paymentMethodBody = z.object({
  type: z.enum(['bankAccount', 'card', 'payPal']),
  token: z.string().min(1).max(500),
  billingAddress: z.object({ country: z.string().length(2), postalCode: z.string().min(1).max(20) }).nullish(),
});

export const setupBody = z.object({
  name: encodedName(50),
  businessName: encodedName(50).nullish(),
  billingEmail: email(),
  token: z.string().min(1).max(4096),
  key: rsaWrappedKey(),
  paymentMethod: paymentMethodBody.omit({ billingAddress: true }).nullish(),
  billingAddress: billingAddressBody.nullish(),
});

export const inviteBody = z.object({
  emails: z
    .array(email())
    .min(1, { message: 'The Emails field is required.' })
    .max(20, { message: 'You can only submit up to 20 emails at a time.' }),
  type: providerUserType,
});
export const idsBody = (max: number) => z.object({ ids: ids(max) });
export const tokenBody = z.object({ token: z.string().min(1).max(4096) });
export const keyBody = z.object({ key: rsaWrappedKey() });
export const bulkConfirmBody = z.object({
  keys: z
    .array(z.object({ id: guid(), key: rsaWrappedKey() }))
    .min(1, { message: 'The Keys field is required.' })
    .max(500, { message: 'You can only submit up to 500 keys at a time.' }),
});
export const userTypeBody = z.object({ type: providerUserType });

const keyPair = z.object({ publicKey: base64(2000), encryptedPrivateKey: encString(10_000) });

export const createClientBody = z.object({
  name: encodedName(50),
  ownerEmail: email(),
  planType: z.number().int().min(0).max(255),
  seats: z.number().int().min(1, { message: 'Seats must be at least 1.' }).max(1_000_000),
  key: symWrappedKey(),
  keyPair,
  collectionName: encString(1000),
});

export const updateClientBody = z.object({
  assignedSeats: z.number().int().min(0, { message: 'Assigned seats cannot be negative.' }).max(1_000_000),
  name: encodedName(50),
});
export const existingOrgBody = z.object({ key: symWrappedKey(), organizationId: guid() });

export const legacyCreateBody = z.object({
  clientOwnerEmail: email(),
  organizationCreateRequest: z.object({
    name: encodedName(50),
    billingEmail: email().nullish(),
    planType: z.number().int().min(0).max(255),
    key: symWrappedKey(),
    keys: keyPair,
    collectionName: encString(1000).nullish(),
    additionalSeats: z.number().int().min(0).max(1_000_000).default(0),
  }),
});
