package dev.kubereplay.server.replay.tls;

import dev.kubereplay.server.KubeReplayException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate authority that lets the mocks answer HTTPS: made once per data directory, kept in
 * {@code ca/} with its key readable by the user alone, and exported as PEM and as a Java truststore
 * so the user's programs can be told to trust it. Certificates for hosts are issued from it on the
 * fly by {@link HostCertificates}.
 *
 * <p>The key never leaves the data directory: what is printed or handed out is the certificate.
 */
public final class LocalCa {

  /** The password of the exported truststore; a truststore holds no secret, Java wants one. */
  public static final String TRUSTSTORE_PASSWORD = "changeit";

  static final String KEY_FILE = "kubereplay-ca.key";
  static final String CERT_FILE = "kubereplay-ca.pem";
  static final String TRUSTSTORE_FILE = "kubereplay-ca-truststore.p12";
  static final String BUNDLE_FILE = "kubereplay-ca-bundle.pem";

  private static final Duration VALIDITY = Duration.ofDays(3650);

  private final Path directory;
  private final X509Certificate certificate;
  private final PrivateKey key;

  private LocalCa(Path directory, X509Certificate certificate, PrivateKey key) {
    this.directory = directory;
    this.certificate = certificate;
    this.key = key;
  }

  /**
   * The CA of a data directory: loaded from {@code DATA/ca/} when there, else made and stored
   * there. Two processes making it at once end with one CA, the first one stored.
   *
   * @throws CaException when the files cannot be written or read back, naming the file
   */
  public static LocalCa loadOrCreate(Path dataDirectory) {
    Path directory = dataDirectory.resolve("ca");
    Path keyFile = directory.resolve(KEY_FILE);
    Path certFile = directory.resolve(CERT_FILE);
    if (!Files.exists(keyFile) || !Files.exists(certFile)) {
      create(directory);
    }
    LocalCa ca = new LocalCa(directory, readCertificate(certFile), readKey(keyFile));
    if (!Files.exists(ca.truststore()) || !Files.exists(ca.bundle())) {
      ca.writeTrust();
    }
    return ca;
  }

  /** The CA's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  PrivateKey key() {
    return key;
  }

  /** The CA certificate as PEM, for {@code SSL_CERT_FILE}, {@code NODE_EXTRA_CA_CERTS}, ... */
  public Path pemFile() {
    return directory.resolve(CERT_FILE);
  }

  /**
   * A PKCS#12 truststore with the JDK's own trusted authorities and this CA, for {@code
   * -Djavax.net.ssl.trustStore}: a JVM given it still trusts every public host it trusted before.
   */
  public Path truststore() {
    return directory.resolve(TRUSTSTORE_FILE);
  }

  /**
   * A PEM bundle of the public authorities and this CA, for variables that replace a program's
   * trusted authorities rather than add to them ({@code SSL_CERT_FILE}, {@code
   * REQUESTS_CA_BUNDLE}).
   */
  public Path bundle() {
    return directory.resolve(BUNDLE_FILE);
  }

  private static void create(Path directory) {
    try {
      Files.createDirectories(directory);
      KeyPair pair = Keys.ecKeyPair();
      X500Name name = new X500Name("CN=kubereplay local CA " + Instant.now().getEpochSecond());
      Instant now = Instant.now();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(128, new SecureRandom()),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(VALIDITY)),
              name,
              pair.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder(Keys.SIGNATURE).build(pair.getPrivate())));
      // the key first, private from its first byte; the certificate last, as the mark of a whole CA
      writeOnce(
          directory.resolve(KEY_FILE), pem(new JcaPKCS8Generator(pair.getPrivate(), null)), true);
      writeOnce(directory.resolve(CERT_FILE), pem(certificate), false);
    } catch (IOException e) {
      throw new CaException(
          "cannot create the local CA in " + directory + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new CaException("cannot create the local CA: " + e.getMessage(), e);
    }
  }

  /** Writes a file unless it exists: a file written by another process at the same time wins. */
  private static void writeOnce(Path target, String content, boolean secret) throws IOException {
    if (Files.exists(target)) {
      return;
    }
    Path partial =
        Files.createTempFile(target.getParent(), target.getFileName().toString(), ".new");
    try {
      if (secret) {
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(partial, content, StandardCharsets.US_ASCII);
      try {
        Files.createLink(target, partial); // atomic, and fails when another process was first
      } catch (FileAlreadyExistsException first) {
        // kept: theirs
      } catch (UnsupportedOperationException | IOException noLinks) {
        try {
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, target);
        }
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private void writeTrust() {
    Path target = truststore();
    try {
      List<X509Certificate> trusted = Keys.jdkTrustedCertificates();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      StringBuilder bundle = new StringBuilder();
      int alias = 0;
      for (X509Certificate certificate : trusted) {
        store.setCertificateEntry("public-" + alias++, certificate);
        bundle.append(pem(certificate));
      }
      store.setCertificateEntry("kubereplay-local-ca", certificate);
      bundle.append(pem(certificate));
      replace(target, out -> store.store(out, TRUSTSTORE_PASSWORD.toCharArray()));
      target = bundle();
      replace(target, out -> out.write(bundle.toString().getBytes(StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      throw new CaException("cannot write " + target + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new CaException("cannot build the truststore: " + e.getMessage(), e);
    }
  }

  private interface Writing {
    void to(OutputStream out) throws IOException, GeneralSecurityException;
  }

  /** Writes beside the target, then moves into place: a reader never sees half a file. */
  private void replace(Path target, Writing writing) throws IOException, GeneralSecurityException {
    Path partial = Files.createTempFile(directory, target.getFileName().toString(), ".new");
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        writing.to(out);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  private static X509Certificate readCertificate(Path file) {
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
      Object read = parser.readObject();
      if (read instanceof org.bouncycastle.cert.X509CertificateHolder holder) {
        return new JcaX509CertificateConverter().getCertificate(holder);
      }
      throw new CaException(
          file + " holds no certificate; delete the ca directory to make a new CA");
    } catch (IOException | GeneralSecurityException e) {
      throw new CaException(
          "cannot read the local CA certificate " + file + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey readKey(Path file) {
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file)))) {
      Object read = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (read instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (read instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
      throw new CaException(
          file + " holds no private key; delete the ca directory to make a new CA");
    } catch (IOException e) {
      throw new CaException("cannot read the local CA key " + file + ": " + e.getMessage(), e);
    }
  }

  /** The CA could not be made or read; the message names the file and the reason. */
  public static final class CaException extends KubeReplayException {
    private static final long serialVersionUID = 1L;

    CaException(String message) {
      super("ca", message);
    }

    CaException(String message, Throwable cause) {
      super("ca", message, cause);
    }
  }
}
