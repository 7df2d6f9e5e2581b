package dev.kubereplay.server.cluster.views;

import dev.kubereplay.server.cluster.kube.Selectors;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Services with their ports, selector, and the workloads whose pods they select. */
public final class ServicesView {

  private ServicesView() {}

  public static List<ServiceRow> build(List<Service> services, List<Workload> workloads) {
    return services.stream()
        .sorted(Comparator.comparing(service -> service.getMetadata().getName()))
        .map(service -> row(service, workloads))
        .toList();
  }

  private static ServiceRow row(Service service, List<Workload> workloads) {
    var spec = service.getSpec();
    Map<String, String> selector =
        spec.getSelector() == null ? Map.of() : new TreeMap<>(spec.getSelector());
    List<ServicePortRow> ports =
        spec.getPorts() == null
            ? List.of()
            : spec.getPorts().stream().map(ServicesView::port).toList();
    List<WorkloadRef> selected =
        workloads.stream()
            .filter(workload -> Selectors.matches(selector, workload.templateLabels()))
            .map(workload -> new WorkloadRef(workload.kind(), workload.name()))
            .toList();
    return new ServiceRow(
        service.getMetadata().getName(),
        spec.getType() == null ? "ClusterIP" : spec.getType(),
        spec.getClusterIP(),
        ports,
        selector,
        selected);
  }

  private static ServicePortRow port(ServicePort port) {
    IntOrString target = port.getTargetPort();
    String targetPort;
    if (target == null) {
      targetPort = String.valueOf(port.getPort());
    } else if (target.getIntVal() != null) {
      targetPort = String.valueOf(target.getIntVal());
    } else {
      targetPort = target.getStrVal();
    }
    return new ServicePortRow(
        port.getName(),
        port.getPort() == null ? 0 : port.getPort(),
        targetPort,
        port.getProtocol() == null ? "TCP" : port.getProtocol(),
        port.getNodePort());
  }
}
