/**
 * Bitwarden's EventType numbers and names (bitwarden-api.md §8.1). The name is what the CSV export writes in its
 * `type` column; the groups drive the event log's type filter.
 */
export const eventTypeNames: Readonly<Record<number, string>> = {
  1000: 'User_LoggedIn',
  1001: 'User_ChangedPassword',
  1002: 'User_Updated2fa',
  1003: 'User_Disabled2fa',
  1004: 'User_Recovered2fa',
  1005: 'User_FailedLogIn',
  1006: 'User_FailedLogIn2fa',
  1007: 'User_ClientExportedVault',
  1008: 'User_UpdatedTempPassword',
  1009: 'User_MigratedKeyToKeyConnector',
  1010: 'User_RequestedDeviceApproval',
  1011: 'User_TdeOffboardingPasswordSet',
  1100: 'Cipher_Created',
  1101: 'Cipher_Updated',
  1102: 'Cipher_Deleted',
  1103: 'Cipher_AttachmentCreated',
  1104: 'Cipher_AttachmentDeleted',
  1105: 'Cipher_Shared',
  1106: 'Cipher_UpdatedCollections',
  1107: 'Cipher_ClientViewed',
  1108: 'Cipher_ClientToggledPasswordVisible',
  1109: 'Cipher_ClientToggledHiddenFieldVisible',
  1110: 'Cipher_ClientToggledCardCodeVisible',
  1111: 'Cipher_ClientCopiedPassword',
  1112: 'Cipher_ClientCopiedHiddenField',
  1113: 'Cipher_ClientCopiedCardCode',
  1114: 'Cipher_ClientAutofilled',
  1115: 'Cipher_SoftDeleted',
  1116: 'Cipher_Restored',
  1117: 'Cipher_ClientToggledCardNumberVisible',
  1118: 'Cipher_ClientToggledTOTPSeedVisible',
  1119: 'Cipher_ClientCopiedBankAccountNumber',
  1120: 'Cipher_ClientCopiedBankAccountPin',
  1121: 'Cipher_ClientToggledBankAccountNumberVisible',
  1122: 'Cipher_ClientToggledBankAccountPinVisible',
  1123: 'Cipher_ClientCopiedLicenseNumber',
  1124: 'Cipher_ClientToggledLicenseNumberVisible',
  1125: 'Cipher_ClientCopiedPassportNumber',
  1126: 'Cipher_ClientToggledPassportNumberVisible',
  1127: 'Cipher_ClientCopiedSwiftCode',
  1128: 'Cipher_ClientToggledSwiftCodeVisible',
  1129: 'Cipher_ClientCopiedIban',
  1130: 'Cipher_ClientToggledIbanVisible',
  1131: 'Cipher_ClientCopiedNationalIdentificationNumber',
  1132: 'Cipher_ClientToggledNationalIdentificationNumberVisible',
  1300: 'Collection_Created',
  1301: 'Collection_Updated',
  1302: 'Collection_Deleted',
  1400: 'Group_Created',
  1401: 'Group_Updated',
  1402: 'Group_Deleted',
  1500: 'OrganizationUser_Invited',
  1501: 'OrganizationUser_Confirmed',
  1502: 'OrganizationUser_Updated',
  1503: 'OrganizationUser_Removed',
  1504: 'OrganizationUser_UpdatedGroups',
  1505: 'OrganizationUser_UnlinkedSso',
  1506: 'OrganizationUser_ResetPassword_Enroll',
  1507: 'OrganizationUser_ResetPassword_Withdraw',
  1508: 'OrganizationUser_AdminResetPassword',
  1509: 'OrganizationUser_ResetSsoLink',
  1510: 'OrganizationUser_FirstSsoLogin',
  1511: 'OrganizationUser_Revoked',
  1512: 'OrganizationUser_Restored',
  1513: 'OrganizationUser_ApprovedAuthRequest',
  1514: 'OrganizationUser_RejectedAuthRequest',
  1515: 'OrganizationUser_Deleted',
  1516: 'OrganizationUser_Left',
  1517: 'OrganizationUser_AutomaticallyConfirmed',
  1518: 'OrganizationUser_SelfRevoked',
  1519: 'OrganizationUser_AdminResetTwoFactor',
  1520: 'OrganizationUser_Revoked_TwoFactorNonCompliance',
  1521: 'OrganizationUser_Revoked_SingleOrganizationNonCompliance',
  1522: 'OrganizationUser_NotificationBannerActionClicked',
  1523: 'OrganizationUser_Staged',
  1524: 'OrganizationUser_InviteLinkAccepted',
  1525: 'OrganizationUser_AdminChangedEmail',
  1526: 'OrganizationUser_InviteLinkConfirmed',
  1600: 'Organization_Updated',
  1601: 'Organization_PurgedVault',
  1602: 'Organization_ClientExportedVault',
  1603: 'Organization_VaultAccessed',
  1604: 'Organization_EnabledSso',
  1605: 'Organization_DisabledSso',
  1606: 'Organization_EnabledKeyConnector',
  1607: 'Organization_DisabledKeyConnector',
  1608: 'Organization_SponsorshipsSynced',
  1609: 'Organization_CollectionManagement_Updated',
  1610: 'Organization_CollectionManagement_LimitCollectionCreationEnabled',
  1611: 'Organization_CollectionManagement_LimitCollectionCreationDisabled',
  1612: 'Organization_CollectionManagement_LimitCollectionDeletionEnabled',
  1613: 'Organization_CollectionManagement_LimitCollectionDeletionDisabled',
  1614: 'Organization_CollectionManagement_LimitItemDeletionEnabled',
  1615: 'Organization_CollectionManagement_LimitItemDeletionDisabled',
  1616: 'Organization_CollectionManagement_AllowAdminAccessToAllCollectionItemsEnabled',
  1617: 'Organization_CollectionManagement_AllowAdminAccessToAllCollectionItemsDisabled',
  1618: 'Organization_ItemOrganization_Accepted',
  1619: 'Organization_ItemOrganization_Declined',
  1620: 'Organization_AutoConfirmEnabled_Admin',
  1621: 'Organization_AutoConfirmDisabled_Admin',
  1622: 'Organization_AutoConfirmEnabled_Portal',
  1623: 'Organization_AutoConfirmDisabled_Portal',
  1624: 'Organization_InviteLinkCreated',
  1625: 'Organization_InviteLinkDomainsEdited',
  1626: 'Organization_InviteLinkDeleted',
  1627: 'Organization_InviteLinkClientCopied',
  1628: 'Organization_InviteLinkRefreshed',
  1629: 'Organization_InviteLinkConfirmEnabled',
  1630: 'Organization_InviteLinkConfirmDisabled',
  1700: 'Policy_Updated',
  1800: 'ProviderUser_Invited',
  1801: 'ProviderUser_Confirmed',
  1802: 'ProviderUser_Updated',
  1803: 'ProviderUser_Removed',
  1900: 'ProviderOrganization_Created',
  1901: 'ProviderOrganization_Added',
  1902: 'ProviderOrganization_Removed',
  1903: 'ProviderOrganization_VaultAccessed',
  2000: 'OrganizationDomain_Added',
  2001: 'OrganizationDomain_Removed',
  2002: 'OrganizationDomain_Verified',
  2003: 'OrganizationDomain_NotVerified',
  2100: 'Secret_Retrieved',
  2101: 'Secret_Created',
  2102: 'Secret_Edited',
  2103: 'Secret_Deleted',
  2104: 'Secret_Permanently_Deleted',
  2105: 'Secret_Restored',
  2200: 'Project_Retrieved',
  2201: 'Project_Created',
  2202: 'Project_Edited',
  2203: 'Project_Deleted',
  2300: 'ServiceAccount_UserAdded',
  2301: 'ServiceAccount_UserRemoved',
  2302: 'ServiceAccount_GroupAdded',
  2303: 'ServiceAccount_GroupRemoved',
  2304: 'ServiceAccount_Created',
  2305: 'ServiceAccount_Deleted',
  2400: 'PhishingBlocker_SiteAccessed',
  2401: 'PhishingBlocker_SiteExited',
  2402: 'PhishingBlocker_Bypassed',
  2500: 'Send_Created_Text',
  2501: 'Send_Created_Text_WithEmailVerification',
  2502: 'Send_Created_Text_WithPasswordProtection',
  2503: 'Send_Created_File',
  2504: 'Send_Created_File_WithEmailVerification',
  2505: 'Send_Created_File_WithPasswordProtection',
  2506: 'Send_Edited_Text',
  2507: 'Send_Edited_File',
  2508: 'Send_Deleted_Text',
  2509: 'Send_Deleted_File',
  2510: 'Send_Accessed_Text',
  2511: 'Send_Accessed_File',
};

/** The EventType name (`ProviderUser_Invited`), or the number as text for a type this build does not know. */
export function eventTypeName(type: number): string {
  return eventTypeNames[type] ?? String(type);
}

/** The provider log's own types (provider-portal.md §7). */
export const providerEventTypes: readonly number[] = [1800, 1801, 1802, 1803, 1900, 1901, 1902, 1903];

export interface EventTypeGroup {
  label: string;
  types: readonly number[];
}

const groupLabels: readonly (readonly [number, string])[] = [
  [1000, 'Account'],
  [1100, 'Items'],
  [1300, 'Collections'],
  [1400, 'Groups'],
  [1500, 'Members'],
  [1600, 'Organization'],
  [1700, 'Policies'],
  [1800, 'Provider members'],
  [1900, 'Provider clients'],
  [2000, 'Domains'],
  [2100, 'Secrets Manager'],
  [2400, 'Phishing blocker'],
  [2500, 'Send'],
];

function groupOf(type: number): string {
  let label = 'Other';
  for (const [from, name] of groupLabels) if (type >= from) label = name;
  if (type >= 2100 && type < 2400) label = 'Secrets Manager';
  return label;
}

/**
 * Event types grouped for a filter. A client org's log holds org types only; the provider log lists its own
 * types first, then the org types, which SQL-backed servers include in it (bitwarden-api.md §8.4).
 */
export function eventTypeGroups(log: 'provider' | 'org'): EventTypeGroup[] {
  const all = Object.keys(eventTypeNames)
    .map(Number)
    .sort((a, b) => a - b);
  const orgTypes = all.filter((t) => !providerEventTypes.includes(t));
  const types = log === 'provider' ? [...providerEventTypes, ...orgTypes] : orgTypes;
  const groups = new Map<string, number[]>();
  for (const type of types) {
    const label = groupOf(type);
    groups.set(label, [...(groups.get(label) ?? []), type]);
  }
  return [...groups].map(([label, list]) => ({ label, types: list }));
}
