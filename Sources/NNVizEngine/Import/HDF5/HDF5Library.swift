// ───── C boundary: this file and HDF5Image.swift are the only NNVizEngine code that touches libhdf5 ─────
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CHDF5
import Foundation

/// libhdf5, opened with `dlopen` the first time an HDF5 file is read, with the functions nnviz calls.
///
/// Linking libhdf5 would load it and the libraries it needs (libcurl, GnuTLS, Kerberos, LDAP …) on every start of
/// `nnviz`, about 7 ms of CPU on `nnviz summary xor`; loaded here it costs only the runs that read `.keras`/`.h5`.
/// Not every build of HDF5 is thread-safe: every call goes through `withLock`, which also turns off HDF5's automatic
/// error printing on the calling thread (a thread-safe build keeps that setting per thread), so nothing but nnviz's
/// own one-line error reaches stderr.
final class HDF5Library: @unchecked Sendable {
    typealias Fopen = @convention(c) (UnsafePointer<CChar>?, UInt32, hid_t) -> hid_t
    typealias Close = @convention(c) (hid_t) -> herr_t
    typealias GetID = @convention(c) (hid_t) -> hid_t
    typealias Open = @convention(c) (hid_t, UnsafePointer<CChar>?, hid_t) -> hid_t
    typealias Exists = @convention(c) (hid_t, UnsafePointer<CChar>?) -> htri_t
    typealias LExists = @convention(c) (hid_t, UnsafePointer<CChar>?, hid_t) -> htri_t
    typealias Read = @convention(c) (hid_t, hid_t, UnsafeMutableRawPointer?) -> herr_t
    typealias DRead = @convention(c) (hid_t, hid_t, hid_t, hid_t, hid_t, UnsafeMutableRawPointer?) -> herr_t
    typealias NDims = @convention(c) (hid_t) -> Int32
    typealias Dims = @convention(c) (hid_t, UnsafeMutablePointer<hsize_t>?, UnsafeMutablePointer<hsize_t>?) -> Int32
    typealias TClass = @convention(c) (hid_t) -> H5T_class_t
    typealias TSize = @convention(c) (hid_t) -> Int
    typealias IsVar = @convention(c) (hid_t) -> htri_t
    typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> herr_t
    typealias GInfo = @convention(c) (hid_t, UnsafeMutablePointer<H5G_info_t>?) -> herr_t
    typealias LName = @convention(c) (hid_t, UnsafePointer<CChar>?, H5_index_t, H5_iter_order_t, hsize_t,
                                      UnsafeMutablePointer<CChar>?, Int, hid_t) -> Int
    typealias LInfo = @convention(c) (hid_t, UnsafePointer<CChar>?, UnsafeMutableRawPointer?, hid_t) -> herr_t
    typealias IType = @convention(c) (hid_t) -> H5I_type_t
    typealias OInfo = @convention(c) (hid_t, UnsafeMutableRawPointer?) -> herr_t
    typealias SetAuto = @convention(c) (hid_t, UnsafeRawPointer?, UnsafeMutableRawPointer?) -> herr_t
    typealias Init = @convention(c) () -> herr_t
    typealias Create = @convention(c) (hid_t) -> hid_t
    typealias FaplCore = @convention(c) (hid_t, Int, Bool) -> herr_t
    typealias FileImage = @convention(c) (hid_t, UnsafeMutableRawPointer?, Int) -> herr_t
    typealias Layout = @convention(c) (hid_t) -> H5D_layout_t
    typealias Count = @convention(c) (hid_t) -> Int32
    typealias Chunk = @convention(c) (hid_t, Int32, UnsafeMutablePointer<hsize_t>?) -> Int32

    let setAuto: SetAuto
    let fopen: Fopen, fclose: Close, pclose: Close, gclose: Close, dclose: Close, aclose: Close, sclose: Close
    let tclose: Close, oclose: Close
    let gopen: Open, dopen: Open, oopen: Open, aopen: Open
    let aexists: Exists, lexists: LExists
    let aread: Read, dread: DRead
    let aspace: GetID, atype: GetID, dspace: GetID, dtype: GetID, dcpl: GetID, tcopy: GetID
    let ndims: NDims, dims: Dims
    let tclass: TClass, tsize: TSize, isVariableString: IsVar
    let free: Free, ginfo: GInfo, lname: LName, linfo: LInfo, itype: IType, oinfo: OInfo
    let pcreate: Create, faplCore: FaplCore, fileImage: FileImage
    let layout: Layout, nfilters: Count, externalCount: Count, chunk: Chunk
    /// `H5T_NATIVE_DOUBLE` and `H5P_FILE_ACCESS`, read after `H5open`.
    let nativeDouble: hid_t, fileAccess: hid_t

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: Result<HDF5Library, LoadError>?

    /// Why libhdf5 could not be used.
    struct LoadError: Error { var message: String }

    /// The names the library has on Debian (serial build), other Linux systems and macOS.
    static let candidates = ["libhdf5_serial.so.103", "libhdf5.so.103", "libhdf5_serial.so", "libhdf5.so",
                             "libhdf5.310.dylib", "libhdf5.dylib"]

    /// Runs `body` with the library loaded, holding the lock every HDF5 call needs.
    static func withLock<T>(_ body: (HDF5Library) throws(NNVizError) -> T, path: String) throws(NNVizError) -> T {
        lock.lock()
        defer { lock.unlock() }
        if loaded == nil { loaded = Result { () throws(LoadError) in try HDF5Library() } }
        switch loaded! {
        case .success(let lib):
            _ = lib.setAuto(0, nil, nil)   // per thread in a thread-safe build, so on every call's thread
            return try body(lib)
        case .failure(let e): throw NNVizError(path, "", e.message)
        }
    }

    private init() throws(LoadError) {
        var handle: UnsafeMutableRawPointer?
        for name in Self.candidates where handle == nil { handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) }
        guard let handle else {
            throw LoadError(message: "reading HDF5 files needs the HDF5 library (Debian: apt install libhdf5-103-1), "
                            + "which was not found")
        }
        var missing: [String] = []
        func sym<T>(_ name: String, _: T.Type = T.self) -> T? {
            guard let p = dlsym(handle, name) else { missing.append(name); return nil }
            return unsafeBitCast(p, to: T.self)
        }
        func global(_ name: String) -> hid_t {
            guard let p = dlsym(handle, name) else { missing.append(name); return -1 }
            return p.load(as: hid_t.self)
        }
        guard let h5open: Init = sym("H5open"), let setAuto: SetAuto = sym("H5Eset_auto2"),
              let fopen: Fopen = sym("H5Fopen"), let fclose: Close = sym("H5Fclose"), let pclose: Close = sym("H5Pclose"),
              let gclose: Close = sym("H5Gclose"), let dclose: Close = sym("H5Dclose"), let aclose: Close = sym("H5Aclose"),
              let sclose: Close = sym("H5Sclose"), let tclose: Close = sym("H5Tclose"), let oclose: Close = sym("H5Oclose"),
              let gopen: Open = sym("H5Gopen2"), let dopen: Open = sym("H5Dopen2"), let oopen: Open = sym("H5Oopen"),
              let aopen: Open = sym("H5Aopen"), let aexists: Exists = sym("H5Aexists"), let lexists: LExists = sym("H5Lexists"),
              let aread: Read = sym("H5Aread"), let dread: DRead = sym("H5Dread"),
              let aspace: GetID = sym("H5Aget_space"), let atype: GetID = sym("H5Aget_type"),
              let dspace: GetID = sym("H5Dget_space"), let dtype: GetID = sym("H5Dget_type"),
              let dcpl: GetID = sym("H5Dget_create_plist"), let tcopy: GetID = sym("H5Tcopy"),
              let ndims: NDims = sym("H5Sget_simple_extent_ndims"), let dims: Dims = sym("H5Sget_simple_extent_dims"),
              let tclass: TClass = sym("H5Tget_class"), let tsize: TSize = sym("H5Tget_size"),
              let isVar: IsVar = sym("H5Tis_variable_str"),
              let free: Free = sym("H5free_memory"), let ginfo: GInfo = sym("H5Gget_info"),
              let lname: LName = sym("H5Lget_name_by_idx"),
              // 1.12 and later export the 1.10 call as H5Lget_info1 and the current one as H5Lget_info2; the link
              // type is the first field of both structures, which is all nnviz reads.
              let linfo: LInfo = (dlsym(handle, "H5Lget_info2") ?? dlsym(handle, "H5Lget_info")).map({ unsafeBitCast($0, to: LInfo.self) }),
              let itype: IType = sym("H5Iget_type"), let oinfo: OInfo = sym("H5Oget_info1"), let pcreate: Create = sym("H5Pcreate"),
              let faplCore: FaplCore = sym("H5Pset_fapl_core"), let fileImage: FileImage = sym("H5Pset_file_image"),
              let layout: Layout = sym("H5Pget_layout"), let nfilters: Count = sym("H5Pget_nfilters"),
              let externalCount: Count = sym("H5Pget_external_count"), let chunk: Chunk = sym("H5Pget_chunk"),
              h5open() >= 0
        else {
            throw LoadError(message: "the HDF5 library found lacks \(missing.first ?? "H5open"); nnviz needs HDF5 1.10 or later")
        }
        self.setAuto = setAuto   // (H5E_DEFAULT, NULL, NULL): no automatic printing of HDF5's error stack
        (self.fopen, self.fclose, self.pclose, self.gclose, self.dclose, self.aclose) = (fopen, fclose, pclose, gclose, dclose, aclose)
        (self.sclose, self.tclose, self.oclose) = (sclose, tclose, oclose)
        (self.gopen, self.dopen, self.oopen, self.aopen, self.aexists, self.lexists) = (gopen, dopen, oopen, aopen, aexists, lexists)
        (self.aread, self.dread, self.aspace, self.atype, self.dspace, self.dtype) = (aread, dread, aspace, atype, dspace, dtype)
        (self.dcpl, self.tcopy, self.ndims, self.dims, self.tclass, self.tsize) = (dcpl, tcopy, ndims, dims, tclass, tsize)
        (self.isVariableString, self.free, self.ginfo, self.lname, self.linfo) = (isVar, free, ginfo, lname, linfo)
        (self.itype, self.oinfo, self.pcreate, self.faplCore, self.fileImage) = (itype, oinfo, pcreate, faplCore, fileImage)
        (self.layout, self.nfilters, self.externalCount, self.chunk) = (layout, nfilters, externalCount, chunk)
        nativeDouble = global("H5T_NATIVE_DOUBLE_g")
        fileAccess = global("H5P_CLS_FILE_ACCESS_ID_g")
        guard nativeDouble >= 0, fileAccess >= 0 else {
            throw LoadError(message: "the HDF5 library found lacks \(missing.first ?? "its type constants"); nnviz needs HDF5 1.10 or later")
        }
    }
}
