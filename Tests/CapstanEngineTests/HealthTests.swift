import CapstanEngine
import CapstanModel
import Testing

/// One live object and the health it must get.
struct HealthCase: Sendable, CustomTestStringConvertible {
    let name: String
    let json: String
    let status: HealthStatus?
    /// Expected message, when the case is about the message.
    var message: String? = nil
    var testDescription: String { name }
}

/// `HealthAssessor.assess`: one row per kind and state, from status blocks as a cluster reports them.
struct HealthTests {
    static func deployment(replicas: Int = 3, generation: Int = 2, paused: Bool = false, status: String) -> String {
        #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","generation":\#(generation)},"#
            + #""spec":{"replicas":\#(replicas),"paused":\#(paused)},"status":\#(status)}"#
    }

    static let progressingCondition =
        #"{"type":"Progressing","status":"True","reason":"NewReplicaSetAvailable","message":"ReplicaSet \"web-5d\" has successfully progressed."}"#

    static let deploymentCases: [HealthCase] = [
        HealthCase(
            name: "Deployment rolled out",
            json: deployment(
                status:
                    #"{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3,"conditions":[\#(progressingCondition)]}"#
            ),
            status: .healthy),
        HealthCase(
            name: "Deployment paused", json: deployment(paused: true, status: #"{"observedGeneration":1}"#),
            status: .suspended, message: "Deployment is paused"),
        HealthCase(
            name: "Deployment generation not observed yet",
            json: deployment(
                status:
                    #"{"observedGeneration":1,"replicas":3,"updatedReplicas":3,"availableReplicas":3}"#),
            status: .progressing,
            message: "Waiting for rollout to finish: observed deployment generation less than desired generation"),
        HealthCase(
            name: "Deployment past its progress deadline",
            json: deployment(
                status:
                    #"{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"availableReplicas":2,"conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded","message":"ReplicaSet \"web-6f\" has timed out progressing."}]}"#
            ),
            status: .degraded, message: #"Deployment "web" exceeded its progress deadline"#),
        HealthCase(
            name: "Deployment updating replicas",
            json: deployment(
                status:
                    #"{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"availableReplicas":3}"#),
            status: .progressing,
            message: "Waiting for rollout to finish: 1 out of 3 new replicas have been updated..."),
        HealthCase(
            name: "Deployment terminating old replicas",
            json: deployment(
                status:
                    #"{"observedGeneration":2,"replicas":4,"updatedReplicas":3,"availableReplicas":3}"#),
            status: .progressing,
            message: "Waiting for rollout to finish: 1 old replicas are pending termination..."),
        HealthCase(
            name: "Deployment waiting for availability",
            json: deployment(
                status:
                    #"{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"availableReplicas":2}"#),
            status: .progressing,
            message: "Waiting for rollout to finish: 2 of 3 updated replicas are available..."),
        HealthCase(
            name: "Deployment without replicas defaults to 1",
            json:
                #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},"spec":{},"status":{"observedGeneration":1,"replicas":0,"updatedReplicas":0}}"#,
            status: .progressing, message: "Waiting for rollout to finish: 0 out of 1 new replicas have been updated..."
        ),
        HealthCase(
            name: "Deployment scaled to zero", json: deployment(replicas: 0, status: #"{"observedGeneration":2}"#),
            status: .healthy),
        HealthCase(
            name: "Deployment without status",
            json:
                #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","generation":1},"spec":{"replicas":1}}"#,
            status: .progressing),
    ]

    static func statefulSet(spec: String = #""replicas":3"#, status: String) -> String {
        #"{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"db","generation":2},"spec":{\#(spec)},"status":\#(status)}"#
    }

    static func daemonSet(strategy: String = "RollingUpdate", status: String) -> String {
        #"{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"agent","generation":1},"spec":{"updateStrategy":{"type":"\#(strategy)"}},"status":\#(status)}"#
    }

    static func replicaSet(status: String) -> String {
        #"{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"web-5d","generation":1},"spec":{"replicas":2},"status":\#(status)}"#
    }

    static let workloadCases: [HealthCase] = [
        HealthCase(
            name: "StatefulSet rolled out",
            json: statefulSet(
                spec: #""replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}"#,
                status:
                    #"{"observedGeneration":2,"replicas":3,"readyReplicas":3,"currentReplicas":3,"updatedReplicas":3,"currentRevision":"db-7c","updateRevision":"db-7c"}"#
            ),
            status: .healthy),
        HealthCase(
            name: "StatefulSet not observed", json: statefulSet(status: #"{"observedGeneration":1,"readyReplicas":3}"#),
            status: .progressing, message: "Waiting for statefulset spec update to be observed..."),
        HealthCase(
            name: "StatefulSet pods not ready",
            json: statefulSet(status: #"{"observedGeneration":2,"readyReplicas":1}"#),
            status: .progressing, message: "Waiting for 2 pods to be ready..."),
        HealthCase(
            name: "StatefulSet rolling to a new revision",
            json: statefulSet(
                spec: #""replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}"#,
                status:
                    #"{"observedGeneration":2,"readyReplicas":3,"updatedReplicas":1,"currentRevision":"db-7c","updateRevision":"db-8d"}"#
            ),
            status: .progressing,
            message: "waiting for statefulset rolling update to complete 1 pods at revision db-8d..."),
        HealthCase(
            name: "StatefulSet partitioned roll out waiting",
            json: statefulSet(
                spec: #""replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}"#,
                status:
                    #"{"observedGeneration":2,"readyReplicas":3,"updatedReplicas":1,"currentRevision":"db-7c","updateRevision":"db-8d"}"#
            ),
            status: .progressing),
        HealthCase(
            name: "StatefulSet partitioned roll out done",
            json: statefulSet(
                spec: #""replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}"#,
                status:
                    #"{"observedGeneration":2,"readyReplicas":3,"updatedReplicas":2,"currentRevision":"db-7c","updateRevision":"db-8d"}"#
            ),
            status: .healthy),
        HealthCase(
            name: "StatefulSet OnDelete",
            json: statefulSet(
                spec: #""replicas":3,"updateStrategy":{"type":"OnDelete"}"#,
                status:
                    #"{"observedGeneration":2,"readyReplicas":3,"currentRevision":"db-7c","updateRevision":"db-8d"}"#),
            status: .healthy),
        HealthCase(
            name: "ReplicaSet available",
            json: replicaSet(status: #"{"observedGeneration":1,"replicas":2,"availableReplicas":2}"#),
            status: .healthy),
        HealthCase(
            name: "ReplicaSet waiting",
            json: replicaSet(status: #"{"observedGeneration":1,"replicas":2,"availableReplicas":1}"#),
            status: .progressing),
        HealthCase(
            name: "ReplicaSet failing to create pods",
            json: replicaSet(
                status:
                    #"{"observedGeneration":1,"conditions":[{"type":"ReplicaFailure","status":"True","reason":"FailedCreate","message":"pods \"web-5d-x\" is forbidden: exceeded quota"}]}"#
            ),
            status: .degraded, message: #"pods "web-5d-x" is forbidden: exceeded quota"#),
        HealthCase(
            name: "DaemonSet rolled out",
            json: daemonSet(
                status:
                    #"{"observedGeneration":1,"desiredNumberScheduled":3,"currentNumberScheduled":3,"updatedNumberScheduled":3,"numberAvailable":3,"numberReady":3}"#
            ),
            status: .healthy),
        HealthCase(
            name: "DaemonSet updating",
            json: daemonSet(
                status:
                    #"{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":1,"numberAvailable":3}"#
            ),
            status: .progressing,
            message: #"Waiting for daemon set "agent" rollout to finish: 1 out of 3 new pods have been updated..."#),
        HealthCase(
            name: "DaemonSet waiting for availability",
            json: daemonSet(
                status:
                    #"{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":3,"numberAvailable":2}"#
            ),
            status: .progressing),
        HealthCase(
            name: "DaemonSet OnDelete",
            json: daemonSet(
                strategy: "OnDelete",
                status:
                    #"{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":1,"numberAvailable":3}"#
            ), status: .healthy),
    ]

    static func pod(_ status: String) -> String {
        #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-5d-x","namespace":"shop"},"spec":{"restartPolicy":"Always"},"status":\#(status)}"#
    }

    static let podCases: [HealthCase] = [
        HealthCase(
            name: "Pod pending",
            json: pod(
                #"{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"Unschedulable"}]}"#
            ),
            status: .progressing),
        HealthCase(
            name: "Pod running and ready",
            json: pod(
                #"{"phase":"Running","conditions":[{"type":"Ready","status":"True"},{"type":"ContainersReady","status":"True"}],"containerStatuses":[{"name":"web","ready":true,"state":{"running":{"startedAt":"2025-01-01T00:00:00Z"}}}]}"#
            ),
            status: .healthy),
        HealthCase(
            name: "Pod running, not ready",
            json: pod(
                #"{"phase":"Running","conditions":[{"type":"Ready","status":"False","reason":"ContainersNotReady"}]}"#),
            status: .progressing),
        HealthCase(
            name: "Pod crash looping",
            json: pod(
                #"{"phase":"Running","containerStatuses":[{"name":"web","ready":false,"restartCount":5,"state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 5m0s restarting failed container=web"}}}]}"#
            ),
            status: .degraded,
            message: #"Container "web" is waiting: CrashLoopBackOff: back-off 5m0s restarting failed container=web"#),
        HealthCase(
            name: "Pod image pull back-off",
            json: pod(
                #"{"phase":"Pending","containerStatuses":[{"name":"web","state":{"waiting":{"reason":"ImagePullBackOff"}}}]}"#
            ),
            status: .degraded, message: #"Container "web" is waiting: ImagePullBackOff"#),
        HealthCase(
            name: "Pod image pull error in an init container",
            json: pod(
                #"{"phase":"Pending","initContainerStatuses":[{"name":"migrate","state":{"waiting":{"reason":"ErrImagePull","message":"not found"}}}]}"#
            ),
            status: .degraded, message: #"Container "migrate" is waiting: ErrImagePull: not found"#),
        HealthCase(
            name: "Pod container creating",
            json: pod(
                #"{"phase":"Pending","containerStatuses":[{"name":"web","state":{"waiting":{"reason":"ContainerCreating"}}}]}"#
            ),
            status: .progressing),
        HealthCase(
            name: "Pod failed",
            json: pod(
                #"{"phase":"Failed","containerStatuses":[{"name":"web","state":{"terminated":{"exitCode":137,"reason":"OOMKilled"}}}]}"#
            ),
            status: .degraded, message: "OOMKilled"),
        HealthCase(
            name: "Pod failed with a message", json: pod(#"{"phase":"Failed","message":"Pod was evicted"}"#),
            status: .degraded, message: "Pod was evicted"),
        HealthCase(name: "Pod succeeded", json: pod(#"{"phase":"Succeeded"}"#), status: .healthy),
        HealthCase(name: "Pod in phase Unknown", json: pod(#"{"phase":"Unknown"}"#), status: .unknown),
    ]

    static func claim(_ phase: String) -> String {
        #"{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data"},"spec":{"resources":{"requests":{"storage":"1Gi"}}},"status":{"phase":"\#(phase)"}}"#
    }

    static func autoscaler(_ conditions: String) -> String {
        #"{"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"web"},"status":{"currentReplicas":2,"desiredReplicas":2,"conditions":\#(conditions)}}"#
    }

    static func job(spec: String = "{}", _ status: String) -> String {
        #"{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"migrate"},"spec":\#(spec),"status":\#(status)}"#
    }

    static let otherCases: [HealthCase] = [
        HealthCase(name: "PVC bound", json: claim("Bound"), status: .healthy),
        HealthCase(name: "PVC pending", json: claim("Pending"), status: .progressing),
        HealthCase(name: "PVC lost", json: claim("Lost"), status: .degraded),
        HealthCase(
            name: "Service ClusterIP",
            json:
                #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"type":"ClusterIP"},"status":{"loadBalancer":{}}}"#,
            status: .healthy),
        HealthCase(
            name: "Service LoadBalancer without ingress is not a false alarm",
            json:
                #"{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"type":"LoadBalancer"},"status":{"loadBalancer":{}}}"#,
            status: .healthy),
        HealthCase(
            name: "HPA scaling",
            json: autoscaler(
                #"[{"type":"AbleToScale","status":"True","reason":"ReadyForNewScale"},{"type":"ScalingActive","status":"True","reason":"ValidMetricFound"},{"type":"ScalingLimited","status":"False","reason":"DesiredWithinRange"}]"#
            ),
            status: .healthy),
        HealthCase(
            name: "HPA cannot read metrics",
            json: autoscaler(
                #"[{"type":"AbleToScale","status":"True","reason":"SucceededGetScale"},{"type":"ScalingActive","status":"False","reason":"FailedGetResourceMetric","message":"unable to get metrics for resource cpu"}]"#
            ),
            status: .degraded, message: "ScalingActive is false: unable to get metrics for resource cpu"),
        HealthCase(
            name: "HPA cannot get scale",
            json: autoscaler(
                #"[{"type":"AbleToScale","status":"False","reason":"FailedGetScale","message":"deployments/scale.apps \"web\" not found"}]"#
            ),
            status: .degraded),
        HealthCase(
            name: "HPA with scaling disabled",
            json: autoscaler(
                #"[{"type":"ScalingActive","status":"False","reason":"ScalingDisabled","message":"scaling is disabled since the replica count of the target is zero"}]"#
            ),
            status: .healthy),
        HealthCase(
            name: "Job complete",
            json: job(
                #"{"succeeded":1,"conditions":[{"type":"Complete","status":"True"}]}"#), status: .healthy),
        HealthCase(
            name: "Job failed",
            json: job(
                #"{"failed":6,"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded","message":"Job has reached the specified backoff limit"}]}"#
            ),
            status: .degraded, message: "Job has reached the specified backoff limit"),
        HealthCase(name: "Job running", json: job(#"{"active":1}"#), status: .progressing),
        HealthCase(name: "Job suspended", json: job(spec: #"{"suspend":true}"#, #"{}"#), status: .suspended),
        HealthCase(
            name: "Namespace active",
            json: #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"},"status":{"phase":"Active"}}"#,
            status: .healthy),
        HealthCase(
            name: "Namespace terminating",
            json:
                #"{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"},"status":{"phase":"Terminating"}}"#,
            status: .progressing),
    ]

    static let noHealthCases: [HealthCase] = [
        HealthCase(
            name: "ConfigMap",
            json: #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"b"}}"#, status: nil),
        HealthCase(
            name: "Secret", json: #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"a":"Yg=="}}"#,
            status: nil),
        HealthCase(
            name: "ServiceAccount", json: #"{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"sa"}}"#,
            status: nil),
        HealthCase(
            name: "unknown kind",
            json:
                #"{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w"},"status":{"phase":"Failed"}}"#,
            status: nil),
        HealthCase(
            name: "a Deployment kind in a foreign group",
            json:
                #"{"apiVersion":"example.com/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"paused":true}}"#,
            status: nil),
    ]

    static func check(_ healthCase: HealthCase) {
        let assessment = HealthAssessor.assess(TestResources.json(healthCase.json))
        #expect(assessment?.status == healthCase.status)
        if let message = healthCase.message {
            #expect(assessment?.message == message)
        }
    }

    @Test(arguments: deploymentCases) func deployments(_ healthCase: HealthCase) { Self.check(healthCase) }
    @Test(arguments: workloadCases) func otherWorkloads(_ healthCase: HealthCase) { Self.check(healthCase) }
    @Test(arguments: podCases) func pods(_ healthCase: HealthCase) { Self.check(healthCase) }
    @Test(arguments: otherCases) func otherKinds(_ healthCase: HealthCase) { Self.check(healthCase) }
    @Test(arguments: noHealthCases) func kindsWithoutHealth(_ healthCase: HealthCase) { Self.check(healthCase) }

    @Test func anAbsentLiveObjectIsMissing() {
        #expect(HealthAssessor.assess(orMissing: nil)?.status == .missing)
        #expect(HealthAssessor.assess(orMissing: TestResources.configMap("c")) == nil)
        #expect(HealthAssessor.assess(orMissing: TestResources.json(Self.claim("Bound")))?.status == .healthy)
    }
}
