#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1.0, on linear RGB) and the
/// CIEDE2000 colour difference (Sharma, Wu & Dalal 2005) between sRGB colours, for the palette-safety tests.
public enum ColorVision: String, CaseIterable, Sendable {
    case protanopia, deuteranopia, tritanopia

    /// Machado et al. 2009, Table 1 at severity 1.0: linear RGB in, linear RGB out.
    var matrix: [[Double]] {
        switch self {
        case .protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        case .deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        case .tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
        }
    }

    static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    static func encoded(_ c: Double) -> Double {
        let v = Swift.min(1, Swift.max(0, c))
        return v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055
    }

    /// The sRGB colour (components 0…1) as a viewer with this deficiency sees it, clipped to the sRGB gamut.
    public func simulate(_ rgb: [Double]) -> [Double] {
        let l = rgb.map(Self.linear)
        return matrix.map { row in Self.encoded(row[0] * l[0] + row[1] * l[1] + row[2] * l[2]) }
    }

    /// CIELAB (D65) of an sRGB colour.
    public static func lab(_ rgb: [Double]) -> [Double] {
        let l = rgb.map(linear)
        let x = (0.4124564 * l[0] + 0.3575761 * l[1] + 0.1804375 * l[2]) / 0.95047
        let y = 0.2126729 * l[0] + 0.7151522 * l[1] + 0.0721750 * l[2]
        let z = (0.0193339 * l[0] + 0.1191920 * l[1] + 0.9503041 * l[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : t * 841.0 / 108 + 4.0 / 29 }
        return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
    }

    /// CIEDE2000 ΔE between two CIELAB colours (kL = kC = kH = 1).
    public static func deltaE2000(_ p: [Double], _ q: [Double]) -> Double {
        let (l1, a1, b1, l2, a2, b2) = (p[0], p[1], p[2], q[0], q[1], q[2])
        let deg = Double.pi / 180
        let cBar = (hypot(a1, b1) + hypot(a2, b2)) / 2
        let g = 0.5 * (1 - sqrt(pow(cBar, 7) / (pow(cBar, 7) + pow(25, 7))))
        let a1p = (1 + g) * a1, a2p = (1 + g) * a2
        let c1p = hypot(a1p, b1), c2p = hypot(a2p, b2)
        func hue(_ b: Double, _ a: Double) -> Double {
            if a == 0 && b == 0 { return 0 }
            let h = atan2(b, a) / deg
            return h < 0 ? h + 360 : h
        }
        let h1p = hue(b1, a1p), h2p = hue(b2, a2p)
        let dLp = l2 - l1, dCp = c2p - c1p
        var dhp = 0.0
        if c1p * c2p != 0 {
            dhp = h2p - h1p
            if dhp > 180 { dhp -= 360 } else if dhp < -180 { dhp += 360 }
        }
        let dHp = 2 * sqrt(c1p * c2p) * sin(dhp / 2 * deg)
        let lBarP = (l1 + l2) / 2, cBarP = (c1p + c2p) / 2
        var hBarP = h1p + h2p
        if c1p * c2p != 0 {
            if abs(h1p - h2p) <= 180 { hBarP = (h1p + h2p) / 2 } else if h1p + h2p < 360 { hBarP = (h1p + h2p + 360) / 2 } else { hBarP = (h1p + h2p - 360) / 2 }
        }
        let t = 1 - 0.17 * cos((hBarP - 30) * deg) + 0.24 * cos(2 * hBarP * deg) + 0.32 * cos((3 * hBarP + 6) * deg)
            - 0.20 * cos((4 * hBarP - 63) * deg)
        let dTheta = 30 * exp(-pow((hBarP - 275) / 25, 2))
        let rC = 2 * sqrt(pow(cBarP, 7) / (pow(cBarP, 7) + pow(25, 7)))
        let sL = 1 + 0.015 * pow(lBarP - 50, 2) / sqrt(20 + pow(lBarP - 50, 2))
        let sC = 1 + 0.045 * cBarP, sH = 1 + 0.015 * cBarP * t
        let rT = -sin(2 * dTheta * deg) * rC
        return sqrt(pow(dLp / sL, 2) + pow(dCp / sC, 2) + pow(dHp / sH, 2) + rT * (dCp / sC) * (dHp / sH))
    }
}
