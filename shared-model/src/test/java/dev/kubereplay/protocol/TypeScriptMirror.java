package dev.kubereplay.protocol;

import dev.kubereplay.protocol.initialize.ProtocolVersion;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * Writes the TypeScript mirror of the protocol (plugin-vscode/src/rpc/protocol.ts) from the Java
 * interfaces and records, so the two cannot drift: the mirror test fails when the file on disk
 * differs from what this produces.
 */
final class TypeScriptMirror {

  /** A JSON-RPC method found on a service interface. */
  record RpcMethod(String wireName, Method method, boolean request) {}

  private final Set<Class<?>> types = new LinkedHashSet<>();
  private final List<RpcMethod> requests = new ArrayList<>();
  private final List<RpcMethod> notifications = new ArrayList<>();

  TypeScriptMirror() {
    collect(KubeReplayRpcServer.class, "");
    collect(KubeReplayRpcClient.class, "");
    requests.forEach(this::collectTypes);
    notifications.forEach(this::collectTypes);
    collectType(ErrorDataDto.class);
  }

  List<RpcMethod> requests() {
    return requests;
  }

  List<RpcMethod> notifications() {
    return notifications;
  }

  /** Every record and enum the protocol carries. */
  Set<Class<?>> types() {
    return types;
  }

  private void collect(Class<?> service, String inheritedSegment) {
    JsonSegment segment = service.getAnnotation(JsonSegment.class);
    String prefix = segment != null ? segment.value() + "/" : inheritedSegment;
    Method[] methods = service.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method method : methods) {
      if (method.isAnnotationPresent(JsonDelegate.class)) {
        collect(method.getReturnType(), prefix);
      }
      JsonRequest request = method.getAnnotation(JsonRequest.class);
      if (request != null) {
        String name = request.value().isEmpty() ? method.getName() : request.value();
        requests.add(new RpcMethod(request.useSegment() ? prefix + name : name, method, true));
      }
      JsonNotification notification = method.getAnnotation(JsonNotification.class);
      if (notification != null) {
        String name = notification.value().isEmpty() ? method.getName() : notification.value();
        notifications.add(
            new RpcMethod(notification.useSegment() ? prefix + name : name, method, false));
      }
    }
  }

  private void collectTypes(RpcMethod method) {
    for (Type parameter : method.method().getGenericParameterTypes()) {
      collectType(parameter);
    }
    collectType(method.method().getGenericReturnType());
  }

  private void collectType(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        collectType(argument);
      }
      return;
    }
    if (!(type instanceof Class<?> cls) || types.contains(cls)) {
      return;
    }
    if (cls.isEnum()) {
      types.add(cls);
    } else if (cls.isRecord()) {
      types.add(cls);
      for (RecordComponent component : cls.getRecordComponents()) {
        collectType(component.getGenericType());
      }
    }
  }

  String render() {
    StringBuilder ts = new StringBuilder();
    ts.append("// The kubereplay protocol, generated from the Java interfaces in shared-model.\n")
        .append("// Do not edit: change the Java protocol, then run\n")
        .append("//   ./mvnw -pl shared-model test -Dkubereplay.regenerate=true\n")
        .append("import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';\n");
    for (Class<?> type : types) {
      ts.append('\n');
      if (type.isEnum()) {
        String values =
            Arrays.stream(type.getEnumConstants())
                .map(constant -> "'" + ((Enum<?>) constant).name() + "'")
                .collect(Collectors.joining(" | "));
        ts.append("export type ").append(type.getSimpleName()).append(" = ").append(values);
        ts.append(";\n");
      } else if (type.getRecordComponents().length == 0) {
        ts.append("export type ")
            .append(type.getSimpleName())
            .append(" = Record<string, never>;\n");
      } else {
        ts.append("export interface ").append(type.getSimpleName()).append(" {\n");
        for (RecordComponent component : type.getRecordComponents()) {
          boolean optional = component.isAnnotationPresent(Nullable.class);
          ts.append("  ").append(component.getName()).append(optional ? "?: " : ": ");
          ts.append(tsType(component.getGenericType())).append(";\n");
        }
        ts.append("}\n");
      }
    }
    ts.append("\n/** JSON-RPC error codes by name; the error's data is an ErrorDataDto. */\n");
    ts.append("export const ErrorCodes = {\n");
    for (ErrorCode code : ErrorCode.values()) {
      ts.append("  ").append(code.name()).append(": ").append(code.code()).append(",\n");
    }
    ts.append("} as const;\n");
    ts.append(
        "\n/** How to start the server: java <jvmOptions> -jar kubereplay.jar <serveStdio>;"
            + " or attach to one on a port, sending tokenPrefix + token + CRLF first. */\n");
    ts.append("export const ServerLaunch = {\n");
    ts.append("  jvmOptions: ").append(stringArray(ServerLaunch.JVM_OPTIONS)).append(",\n");
    ts.append("  serveStdio: ").append(stringArray(ServerLaunch.SERVE_STDIO)).append(",\n");
    ts.append("  attachPortVariable: '").append(ServerLaunch.ATTACH_PORT_VARIABLE).append("',\n");
    ts.append("  tokenVariable: '").append(ServerLaunch.TOKEN_VARIABLE).append("',\n");
    ts.append("  tokenPrefix: '").append(ServerLaunch.TOKEN_PREFIX).append("',\n");
    ts.append("} as const;\n");
    ProtocolVersion version = ProtocolVersion.CURRENT;
    ts.append(
        "\n/** The protocol version this mirror speaks, sent and checked in initialize. */\n");
    ts.append("export const ProtocolVersion = {\n");
    ts.append("  current: '").append(version.toString()).append("',\n");
    ts.append("  major: ").append(version.major()).append(",\n");
    ts.append("  minor: ").append(version.minor()).append(",\n");
    ts.append("} as const;\n");
    ts.append("\n/** Requests the client sends to the server. */\nexport const Requests = {\n");
    for (RpcMethod request : requests) {
      Type result =
          ((ParameterizedType) request.method().getGenericReturnType()).getActualTypeArguments()[0];
      String resultType = result == Void.class ? "null" : tsType(result);
      ts.append("  ").append(constantName(request.wireName())).append(": new ");
      if (request.method().getParameterCount() == 0) {
        ts.append("RequestType0<").append(resultType);
      } else {
        ts.append("RequestType<").append(tsType(request.method().getGenericParameterTypes()[0]));
        ts.append(", ").append(resultType);
      }
      ts.append(", ErrorDataDto>('").append(request.wireName()).append("'),\n");
    }
    ts.append("} as const;\n");
    ts.append("\n/** Notifications the server sends to the client. */\n");
    ts.append("export const Notifications = {\n");
    for (RpcMethod notification : notifications) {
      ts.append("  ").append(constantName(notification.wireName())).append(": new ");
      ts.append("NotificationType<")
          .append(tsType(notification.method().getGenericParameterTypes()[0]));
      ts.append(">('").append(notification.wireName()).append("'),\n");
    }
    ts.append("} as const;\n");
    return ts.toString();
  }

  private static String stringArray(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));
  }

  /** {@code cluster/listContexts} becomes {@code clusterListContexts}. */
  static String constantName(String wireName) {
    String[] parts = wireName.split("/");
    StringBuilder name = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return name.toString();
  }

  private static String tsType(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        return tsType(arguments[0]) + "[]";
      }
      if (Map.class.isAssignableFrom(raw)) {
        return "Record<string, " + tsType(arguments[1]) + ">";
      }
      if (raw == CompletableFuture.class) {
        return tsType(arguments[0]);
      }
      throw new IllegalArgumentException("no TypeScript mirror for " + type);
    }
    Class<?> cls = (Class<?>) type;
    if (cls == String.class || cls == Instant.class || Path.class.isAssignableFrom(cls)) {
      return "string";
    }
    if (cls == boolean.class || cls == Boolean.class) {
      return "boolean";
    }
    if (cls.isPrimitive() || Number.class.isAssignableFrom(cls) || cls == Duration.class) {
      return "number";
    }
    if (cls.isEnum() || cls.isRecord()) {
      return cls.getSimpleName();
    }
    throw new IllegalArgumentException("no TypeScript mirror for " + type);
  }
}
