package dev.vigil.api.service;

/** Callbacks for services of one type coming and going; see {@link ServiceRegistry#track}. */
public interface ServiceListener<T> {

    /** A service was registered, or was already registered when tracking began. */
    void added(T service);

    /** A service was withdrawn; drop every reference to it. */
    void removed(T service);
}
