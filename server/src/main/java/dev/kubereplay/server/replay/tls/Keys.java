package dev.kubereplay.server.replay.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Key pairs and the JDK's own trust, for the CA and the certificates it issues. */
final class Keys {

  /** P-256 with SHA-256: what every TLS client accepts, and fast to make and sign with. */
  static final String SIGNATURE = "SHA256withECDSA";

  private Keys() {}

  static KeyPair ecKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /** The authorities this JVM trusts by default (its cacerts). */
  static List<X509Certificate> jdkTrustedCertificates() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    List<X509Certificate> certificates = new ArrayList<>();
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        certificates.addAll(List.of(x509.getAcceptedIssuers()));
      }
    }
    return certificates;
  }
}
