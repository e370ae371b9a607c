export { signChart, clearSign, type Passphrase } from './sign.js';
export { verifyChart, verifyData, type Verification } from './verify.js';
export { messageBlock, parseMessageBlock, digest, digestFile, type SumCollection } from './message-block.js';
export { loadPublicKeyring, loadPrivateKeyring, selectKey, identities } from './keyring.js';
