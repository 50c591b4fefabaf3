/// The per-epoch history as CSV: `epoch,loss,accuracy` (plus `val_loss,val_accuracy` when rows were held out),
/// epoch 0 first, numbers in shortest round-trip form so the file reloads to the same bits.
public enum TrainingHistoryCSV {
    public static func text(_ history: [EpochRecord]) -> String {
        let validation = history.first?.validationLoss != nil
        var out = validation ? "epoch,loss,accuracy,val_loss,val_accuracy\n" : "epoch,loss,accuracy\n"
        for r in history {
            out += "\(r.epoch),\(JSONText.number(r.loss)),\(JSONText.number(r.accuracy))"
            if validation {
                out += ",\(JSONText.number(r.validationLoss ?? .nan)),\(JSONText.number(r.validationAccuracy ?? .nan))"
            }
            out += "\n"
        }
        return out
    }
}
