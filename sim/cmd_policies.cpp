#include "cmd_policies.h"

#include <iostream>

#include "ctrl/controller_policy.h"
#include "text_table.h"

namespace mckit::sim {

void add_policies_command(CLI::App& app) {
  CLI::App* cmd =
      app.add_subcommand("policies", "List the controller policies that mckit run --policy takes");
  cmd->callback([] {
    TextTable table({"policy", "scheduler", "page", "mapping", "xor", "age cap", "idle",
                     "write hi/lo", "refresh", "prefetcher"});
    std::vector<ctrl::ControllerPolicy> policies;
    for (const std::string& name : ctrl::shipped_policy_names()) {
      policies.push_back(ctrl::load_policy(name));
      const ctrl::ControllerConfig& c = policies.back().config;
      table.add_row({name, ctrl::name_of(c.scheduler), ctrl::name_of(c.page_policy),
                     ctrl::name_of(c.mapping), c.xor_bank_hash ? "yes" : "no",
                     std::to_string(c.age_cap), std::to_string(c.idle_timeout),
                     std::to_string(c.write_high) + "/" + std::to_string(c.write_low),
                     c.refresh ? "postpone " + std::to_string(c.refresh_postpone) : "off",
                     ctrl::name_of(c.prefetch.kind)});
    }
    table.print(std::cout);
    std::cout << '\n';
    for (std::size_t i = 0; i < policies.size(); ++i)
      std::cout << ctrl::shipped_policy_names()[i] << ": " << policies[i].description << '\n';
    std::cout << "\nPolicies live in " << ctrl::policy_dir()
              << "; --policy also takes the path of your own .json file, and every controller "
                 "option of mckit run overrides the policy's value.\n";
  });
}

}  // namespace mckit::sim
