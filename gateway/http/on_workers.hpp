// Runs a handler's blocking part (store access, password hashing) on the worker pool so
// the network threads never wait on the disk. An exception becomes a 500 reply.
#pragma once

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "gateway/http/exchange.hpp"

namespace ehall {

template <class Work>  // Work: () -> HttpResponse
void reply_from_workers(boost::asio::thread_pool& workers, Reply reply, Work work) {
    boost::asio::post(workers, [reply = std::move(reply), work = std::move(work)]() mutable {
        HttpResponse response;
        try {
            response = work();
        } catch (const std::exception& e) {
            spdlog::error("request failed: {}", e.what());
            response = json_response(
                http::status::internal_server_error,
                {{"status", "error"}, {"code", "internal_error"}, {"message", "internal error"}});
        }
        reply(std::move(response));
    });
}

// The same for work that reads the request: it holds the exchange until it is done.
template <class Work>  // Work: (const Exchange&) -> HttpResponse
void reply_from_workers(boost::asio::thread_pool& workers, const Exchange& exchange, Reply reply,
                        Work work) {
    reply_from_workers(workers, std::move(reply),
                       [held = hold(exchange), work = std::move(work)] { return work(*held); });
}

}  // namespace ehall
