package dev.kubereplay.server.replay.tls;

import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Server certificates issued by the {@link LocalCa} on the fly, one per host name a client asks for
 * (TLS server name indication), made on first use and kept for the life of this object. A client
 * that names no host gets the certificate of the fallback host given at construction.
 *
 * <p>Every issued certificate shares one key pair, made once: issuing then costs one signature.
 */
public final class HostCertificates {

  /** Within what clients accept for a server certificate (398 days). */
  private static final Duration VALIDITY = Duration.ofDays(397);

  private final LocalCa ca;
  private final String fallbackHost;
  private final KeyPair leafKeys;
  private final Map<String, X509Certificate[]> issued = new ConcurrentHashMap<>();

  public HostCertificates(LocalCa ca, String fallbackHost) {
    this.ca = ca;
    this.fallbackHost = normalise(fallbackHost);
    try {
      this.leafKeys = Keys.ecKeyPair();
    } catch (GeneralSecurityException e) {
      throw new LocalCa.CaException("cannot make a key pair: " + e.getMessage(), e);
    }
  }

  /** The chain (host certificate, then the CA) for a host name or IP address literal. */
  public X509Certificate[] chainFor(String host) {
    return issued.computeIfAbsent(normalise(host), this::issue);
  }

  /**
   * A TLS context whose server side presents, per connection, the certificate of the host asked.
   */
  public SSLContext serverContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new BySni()}, null, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new LocalCa.CaException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static String normalise(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return bare.toLowerCase(Locale.ROOT);
  }

  private X509Certificate[] issue(String host) {
    try {
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + host.replaceAll("[,+=<>#;\"\\\\]", "_"));
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              ca.certificate(),
              new BigInteger(128, new SecureRandom()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(VALIDITY)),
              subject,
              leafKeys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      GeneralName name =
          isAddress(host)
              ? new GeneralName(GeneralName.iPAddress, host)
              : new GeneralName(GeneralName.dNSName, host);
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(
              Extension.keyUsage,
              true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
          .addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(name))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              extensions.createAuthorityKeyIdentifier(ca.certificate()));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder(Keys.SIGNATURE).build(ca.key())));
      return new X509Certificate[] {certificate, ca.certificate()};
    } catch (Exception e) {
      throw new LocalCa.CaException(
          "cannot issue a certificate for " + host + ": " + e.getMessage(), e);
    }
  }

  private static boolean isAddress(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  /** Chooses the certificate by the server name the client sent, issuing it when new. */
  private final class BySni extends X509ExtendedKeyManager {

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return keyType.startsWith("EC")
          ? requestedHost(engine.getHandshakeSession(), engine.getPeerHost())
          : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      if (!keyType.startsWith("EC") || !(socket instanceof SSLSocket ssl)) {
        return null;
      }
      return requestedHost(ssl.getHandshakeSession(), null);
    }

    /**
     * The name the client sent, else the address it meant when the connection says so (the mocks'
     * tunnels pass it as the connection's source), else the fallback host.
     */
    private String requestedHost(SSLSession session, String peerHost) {
      if (session instanceof ExtendedSSLSession extended) {
        List<SNIServerName> names = extended.getRequestedServerNames();
        for (SNIServerName name : names) {
          if (name instanceof SNIHostName hostName) {
            return normalise(hostName.getAsciiName());
          }
        }
      }
      if (peerHost != null && isAddress(peerHost)) {
        return normalise(peerHost);
      }
      return fallbackHost;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return chainFor(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return leafKeys.getPrivate();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return keyType.startsWith("EC") ? issued.keySet().toArray(String[]::new) : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
