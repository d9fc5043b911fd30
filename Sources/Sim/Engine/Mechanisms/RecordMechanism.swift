import Agents

/// What surveillance records of everyday acts: true records of acts done, with their channel's
/// coverage, and false records of infractions never committed, with their channel's
/// misidentification rate; each record adds the behaviour's points (docs/MODEL.md, "Everyday
/// behaviours", "Surveillance").
///
/// Record draws come from their own stream (``RecordDraws``), so switching surveillance on or off
/// never changes which acts are done. One draw u decides false records: behaviour b (in list order)
/// is falsely recorded when u falls in its slice [Σ_{c<b} m_c, Σ_{c≤b} m_c) of the rates and b was
/// not done; so each is falsely recorded with probability m_b, at most one a tick.
struct RecordMechanism {
    /// One behaviour's constants, as the kernel reads them.
    struct Recording: BitwiseCopyable {
        var pointsSteps: Int32
        var coverage: Float
        /// False-record rate (infractions only; 0 for virtues).
        var misidentification: Float
    }

    /// The records' constants for one run.
    struct Constants: MechanismConstants {
        let behaviourCount: Int
        /// Per behaviour, kept by the run's ``ConstantTables``.
        let behaviours: UnsafePointer<Recording>
        /// Σ_b misidentification_b, summed in behaviour order.
        let misidentificationTotal: Double

        /// Records are part of the regime; the acts they record are ``ConductMechanism``'s.
        var needs: TickNeeds { behaviourCount > 0 ? .regime : [] }

        init(scenario: Scenario, tables: ConstantTables) {
            let regime = scenario.regime
            let behaviours = scenario.behaviours.map { behaviour in
                let channel = regime.surveillance[behaviour.channel]
                return Recording(
                    pointsSteps: regime.score.stepDelta(behaviour.points), coverage: Float(channel.effectiveCoverage),
                    misidentification: behaviour.kind == .infraction ? Float(channel.misidentification) : 0)
            }
            behaviourCount = behaviours.count
            self.behaviours = UnsafePointer(tables.keep(behaviours))
            misidentificationTotal = behaviours.reduce(0) { $0 + Double($1.misidentification) }
        }
    }

    let constants: Constants

    init(_ constants: Constants) {
        self.constants = constants
    }

    /// Records the acts `done` (one bit per behaviour) and makes the false record, if any, with
    /// the citizen's draws at `drawIndex` of `draws`; adds their points.
    @inline(__always)
    func record(_ now: inout CitizenTick, done: UInt32, draws: BlockDraws, drawIndex: Int, tally: inout ChunkTally) {
        let records = RecordDraws(draws: draws, index: drawIndex)
        var remaining = done
        while remaining != 0 {
            let b = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            let behaviour = constants.behaviours[b]
            if behaviour.coverage > 0 && records.recordDraw(behaviour: b) < Double(behaviour.coverage) {
                now.records.behaviours |= 1 << UInt32(b)
                now.steps += behaviour.pointsSteps
                now.trueSteps += behaviour.pointsSteps
            }
        }
        guard constants.misidentificationTotal > 0 else { return }
        var falseDraw = records.falseRecordDraw()
        guard falseDraw < constants.misidentificationTotal else { return }
        for b in 0..<constants.behaviourCount {
            let rate = Double(constants.behaviours[b].misidentification)
            guard falseDraw >= rate else {
                let bit = UInt32(1) << UInt32(b)
                if done & bit == 0 {
                    now.records.behaviours |= bit
                    now.records.falseBehaviours |= bit
                    tally[.wrongfulRecords] += 1
                    now.steps += constants.behaviours[b].pointsSteps
                }
                return
            }
            falseDraw -= rate
        }
    }
}
