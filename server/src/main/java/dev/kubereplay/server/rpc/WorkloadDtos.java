package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.cluster.EventDto;
import dev.kubereplay.protocol.cluster.HealthLevel;
import dev.kubereplay.protocol.cluster.ListEventsResponse;
import dev.kubereplay.protocol.cluster.ListServicesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.PodProblemDto;
import dev.kubereplay.protocol.cluster.ResourcesDto;
import dev.kubereplay.protocol.cluster.ServiceDto;
import dev.kubereplay.protocol.cluster.ServicePortDto;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import dev.kubereplay.protocol.cluster.WorkloadResponse;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.views.EventRow;
import dev.kubereplay.server.cluster.views.PodProblem;
import dev.kubereplay.server.cluster.views.Requests;
import dev.kubereplay.server.cluster.views.ServicePortRow;
import dev.kubereplay.server.cluster.views.ServiceRow;
import dev.kubereplay.server.cluster.views.WorkloadRef;
import dev.kubereplay.server.cluster.views.WorkloadRow;

/** The workload, service and event tables as protocol DTOs, and workload references both ways. */
public final class WorkloadDtos {

  private WorkloadDtos() {}

  /** The answer of {@code cluster/listWorkloads}. */
  public static ListWorkloadsResponse workloads(Result<WorkloadRow> workloads) {
    return new ListWorkloadsResponse(
        workloads.items().stream().map(WorkloadDtos::workload).toList(),
        ClusterDtos.freshness(workloads));
  }

  /** The answer of {@code cluster/setInjection} and {@code cluster/setTlsOut}. */
  public static WorkloadResponse toggled(WorkloadRow workload) {
    return new WorkloadResponse(workload(workload));
  }

  static WorkloadDto workload(WorkloadRow w) {
    return new WorkloadDto(
        w.kind(),
        w.name(),
        w.namespace(),
        w.ready(),
        w.desired(),
        w.injected(),
        w.tlsOut(),
        HealthLevel.valueOf(w.sidecarHealth().name()),
        w.healthReasons(),
        requests(w.appRequests()),
        requests(w.sidecarRequests()),
        w.problems().stream().map(WorkloadDtos::problem).toList());
  }

  private static ResourcesDto requests(Requests requests) {
    return new ResourcesDto(requests.cpuMillis(), requests.memoryBytes());
  }

  private static PodProblemDto problem(PodProblem p) {
    return new PodProblemDto(p.pod(), p.container(), p.reason(), p.message());
  }

  /** A workload named in a request. */
  public static WorkloadRef ref(WorkloadRefDto ref) {
    return new WorkloadRef(ref.kind(), ref.name());
  }

  private static WorkloadRefDto ref(WorkloadRef ref) {
    return ref == null ? null : new WorkloadRefDto(ref.kind(), ref.name());
  }

  /** The answer of {@code cluster/listServices}. */
  public static ListServicesResponse services(Result<ServiceRow> services) {
    return new ListServicesResponse(
        services.items().stream().map(WorkloadDtos::service).toList(),
        ClusterDtos.freshness(services));
  }

  private static ServiceDto service(ServiceRow s) {
    return new ServiceDto(
        s.name(),
        s.type(),
        s.clusterIP(),
        s.ports().stream().map(WorkloadDtos::port).toList(),
        s.selector(),
        s.workloads().stream().map(WorkloadDtos::ref).toList());
  }

  private static ServicePortDto port(ServicePortRow p) {
    return new ServicePortDto(p.name(), p.port(), p.targetPort(), p.protocol(), p.nodePort());
  }

  /** The answer of {@code cluster/listEvents}. */
  public static ListEventsResponse events(Result<EventRow> events) {
    return new ListEventsResponse(
        events.items().stream().map(WorkloadDtos::event).toList(), ClusterDtos.freshness(events));
  }

  private static EventDto event(EventRow e) {
    return new EventDto(
        e.type(),
        e.reason(),
        e.objectKind(),
        e.objectName(),
        e.message(),
        e.count(),
        e.firstSeen(),
        e.lastSeen(),
        ref(e.workload()));
  }
}
