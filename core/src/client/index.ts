export { TillerClient, grpcErrorMessage, type TillerClientOptions, type TillerTlsOptions, type CallOptions } from './tiller-client.js';
