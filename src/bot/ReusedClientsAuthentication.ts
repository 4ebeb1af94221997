import { Activity, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type {
  AuthenticateRequestResult,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';
import { KeptPromises } from './KeptPromises';

/** Distinct (app id, service URL, audience) clients kept; past this the oldest is built anew when next needed. */
const MAX_KEPT_CLIENTS = 64;

// The claims botframework-connector reads the bot's app id from: the audience for channels, the app
// id claim for the Emulator (its getAppId, which is not exported).
const AUDIENCE_CLAIM = 'aud';
const APP_ID_CLAIM = 'appid';

/**
 * The configured Bot Framework authentication, with the clients it builds kept and reused. botbuilder
 * builds a ConnectorClient and a UserTokenClient (an HTTP pipeline each) for every incoming activity,
 * even one whose replies go back in the response body, though they depend only on the bot's app id,
 * the service URL and the audience. Building them was about 4 % of a turn's CPU, plus the garbage.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new KeptPromises<ConnectorClient>(MAX_KEPT_CLIENTS);
  private readonly userTokenClients = new KeptPromises<UserTokenClient>(MAX_KEPT_CLIENTS);

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.connectors.get(JSON.stringify([appId, serviceUrl, audience ?? null]), () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AUDIENCE_CLAIM) ?? claimsIdentity.getClaimValue(APP_ID_CLAIM) ?? '';
}
